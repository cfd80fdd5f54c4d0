#!/usr/bin/env bash
# End to end `read` over JSON Lines (issue 9): parse each record, clean, read, print the JSON
# Lines of events; MB/s of input on one process. Exits 1 below 30 MB/s.
# The feed: N news-like records (a dateline, an event sentence naming two states, a quote header
# line, three paragraphs of neutral news text; one in eight with accented names and curly
# quotes, which take the reader's folded second pass).
# Usage: bench/read-e2e.sh [N]   (release build; input made in a temp folder)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-60000}
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/diplograph
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" "$n" <<'PY'
import json, random, sys
tmp, n = sys.argv[1], int(sys.argv[2])
names = [l.split("\t")[7] for l in open("data/states-un.tsv", encoding="utf-8")
         if not l.startswith("#") and not l.startswith("iso3")]
verbs = ["established diplomatic relations with", "restored diplomatic ties with",
         "severed diplomatic relations with", "recalled its ambassador from",
         "signed a trade agreement with", "expelled two diplomats of"]
filler = ("The announcement followed months of talks between officials of both governments, "
          "according to a statement carried by the state news agency. Analysts said the move "
          "reflected a broader shift in the region, where several governments have revised their "
          "foreign policy in recent years. Markets were little changed on the news, and the "
          "opposition said it would ask for a debate in parliament next week. ")
accented = ("BOGOTÁ, March 4 — Colombia’s foreign minister said on Monday that Bogotá and Asunción "
            "would open embassies. “We are ready,” she said in Asunción. ")
rnd = random.Random(9)
with open(f"{tmp}/feed.jsonl", "w") as f:
    for i in range(n):
        a, b = rnd.sample(names, 2)
        head = accented if i % 8 == 0 else f"CITY, March {rnd.randint(1, 28)} (Agency) - "
        text = (head + f"{a} {rnd.choice(verbs)} {b} on Tuesday, the foreign ministry said.\n\n"
                + filler + "\n\n" + filler + "\n\n" + filler[: rnd.randint(100, 400)])
        f.write(json.dumps({"url": f"https://news{i % 50}.example/{i}", "published": "2024-03-29",
                            "text": text}, ensure_ascii=False) + "\n")
PY
bytes=$(stat -c %s "$tmp/feed.jsonl")
/usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" read "$tmp/feed.jsonl" --json > "$tmp/out.jsonl"
read -r secs kb < "$tmp/time"
events=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['events']) for l in open(sys.argv[1])))" "$tmp/out.jsonl")
mbs=$(python3 -c "print(round($bytes / 1e6 / max($secs, 0.01), 1))")
echo "machine: $(nproc) cores, $(uname -m); $(date -u +%F)"
echo "read $n records, $(python3 -c "print(round($bytes/1e6,1))") MB, $events events: ${secs}s, ${kb} KB peak: $mbs MB/s"
python3 -c "import sys; sys.exit(0 if $mbs >= 30 else 1)" || { echo "  FAIL: under 30 MB/s"; exit 1; }
