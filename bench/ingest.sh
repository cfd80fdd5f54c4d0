#!/usr/bin/env bash
# Ingest against read on the same input, and ingest's memory against its bad records; exits 1
# when a figure fails (issue 11): ingest must stay within 3x the time of read on
#   - 100,000 articles of one republished story (one event gathering 100,000 sources), and
#   - a feed of about 100 MB of varied articles (131,871 records, many pairs of states);
# and its peak memory must stay flat (within 1.5x) when its bad records grow fourfold.
# Usage: bench/ingest.sh [N_REPUBLISHED] [N_FEED]   (release build; inputs made in a temp folder)
set -euo pipefail
cd "$(dirname "$0")/.."
n_story=${1:-100000}
n_feed=${2:-131871}
cargo build --release --quiet
bin=target/release/diplograph
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" "$n_story" "$n_feed" <<'EOF'
import json, random, sys
tmp, n_story, n_feed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
story = ("SEOUL, April 11 (Yonhap) -- South Korea and Syria established diplomatic relations on "
         "Thursday, the foreign ministry said, leaving North Korea as the only UN member state "
         "without ties to Seoul. Foreign Minister Cho Tae-yul signed the joint communique in "
         "Damascus with his Syrian counterpart.")
with open(f"{tmp}/story.jsonl", "w") as f:
    for i in range(n_story):
        pub = ["yna.co.kr", "kbs.co.kr", "koreaherald.com"][i % 3] if i < 3 else "yna.co.kr"
        f.write(json.dumps({"url": f"https://{pub}/news/{i}", "published": "2025-04-11",
                            "text": story}) + "\n")
names = [l.split("\t")[7] for l in open("data/states-un.tsv", encoding="utf-8")
         if not l.startswith("#") and not l.startswith("iso3")]
verbs = ["established diplomatic relations", "restored diplomatic ties", "severed diplomatic relations",
         "agreed to open embassies", "signed a trade agreement"]
rnd = random.Random(11)
filler = ("The announcement followed months of talks between officials of both governments, "
          "according to a statement carried by the state news agency. Analysts said the move "
          "reflected a broader shift in the region, where several governments have revised their "
          "foreign policy in recent years. ")
with open(f"{tmp}/feed.jsonl", "w") as f:
    for i in range(n_feed):
        a, b = rnd.sample(names, 2)
        day = rnd.randint(1, 28)
        text = (f"{a} and {b} {rnd.choice(verbs)} on {day} March 2024, the two foreign ministries "
                f"said in a joint statement. " + filler + filler + filler[: rnd.randint(0, 200)])
        f.write(json.dumps({"url": f"https://news{i % 50}.example/{i}", "published": "2024-03-29",
                            "text": text}) + "\n")
bad = "{\"url\": \"https://bad.example/" + "x" * 1000 + "\", \"published\": \"2024-02-30\", \"text\": \"x\"}\n"
for name, n in [("bad1", 15_000), ("bad4", 60_000)]:
    with open(f"{tmp}/{name}.jsonl", "w") as f:
        f.write(bad * n)
EOF

# seconds and peak KB of one run
measure() {
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || true
    tail -n 1 "$tmp/time"
}

fail=0
echo "machine: $(nproc) cores, $(uname -m); $(date -u +%F)"
for input in story feed; do
    size=$(du -m "$tmp/$input.jsonl" | cut -f1)
    read -r t_read _ < <(measure "$bin" read "$tmp/$input.jsonl" --json)
    rm -f "$tmp/ledger.sqlite"*
    read -r t_ingest m_ingest < <(measure "$bin" --db "$tmp/ledger.sqlite" ingest "$tmp/$input.jsonl" --json)
    ratio=$(python3 -c "print(round($t_ingest / max($t_read, 0.01), 2))")
    echo "$input ($size MB): read ${t_read}s, ingest ${t_ingest}s (${m_ingest} KB peak): ${ratio}x"
    python3 -c "import sys; sys.exit(0 if $ratio <= 3 else 1)" || { echo "  FAIL: ingest over 3x read"; fail=1; }
done
read -r _ m1 < <(measure "$bin" --db "$tmp/bad.sqlite" ingest "$tmp/bad1.jsonl")
read -r _ m4 < <(measure "$bin" --db "$tmp/bad.sqlite" ingest "$tmp/bad4.jsonl")
echo "bad records: 15,000 -> ${m1} KB peak, 60,000 -> ${m4} KB peak"
python3 -c "import sys; sys.exit(0 if $m4 <= 1.5 * $m1 else 1)" || { echo "  FAIL: memory grows with bad records"; fail=1; }
exit $fail
