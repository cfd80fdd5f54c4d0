#!/usr/bin/env bash
# Issue 11's audit, rerun: hostile and broken inputs to every command. Each case must return
# within 10 s, never panic (exit 101), and, when it fails, exit 2 with one line on stderr and no
# ledger written. Prints one line per case and a summary; exits 1 when any case breaks a rule.
# Usage: bench/audit.sh   (release build; inputs made in a temp folder)
set -uo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet || exit 2
bin=$PWD/target/release/diplograph
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

python3 - <<'EOF'
import json
sent = "South Korea and Syria established diplomatic relations on 10 April 2025. "
open("events-16mb.txt", "w").write(sent * (16_000_000 // len(sent)))
open("one-line-16mb.txt", "w").write(("Syria Korea Cuba " * 1_000_000)[:16_000_000])
open("names.txt", "w").write(("South Korea North Korea Bhutan Syria Cuba Taiwan China " * 280_000)[:16_000_000])
for tag in ["div", "nav", "dl", "header", "figure", "details", "section", "span", "x-custom"]:
    open(f"deep-{tag}.html", "w").write(f"<html><body>{'<' + tag + '>' * 1 + '<!-- c -->'}" * 100_000 + sent)
open("deep-unclosed.html", "w").write("<p><b><i>" * 100_000 + sent)
open("binary.bin", "wb").write(bytes(range(256)) * 1000)
open("latin1.txt", "wb").write("Corée et Syrie ".encode("latin-1") * 100)
open("broken.html", "w").write("<html><body><p>" + sent + "<table><tr><td>" * 50 + "</p></div></span>")
open("empty.txt", "w").write("")
open("future.jsonl", "w").write(json.dumps({"url": "https://a.org/1", "published": "99999-01-01", "text": sent}) + "\n")
open("far.jsonl", "w").write(json.dumps({"url": "https://a.org/2", "published": "9999-12-31", "text": "Syria and South Korea established relations last year and will open embassies next year."}) + "\n")
open("edge.jsonl", "w").write(json.dumps({"url": "https://a.org/3", "published": "0001-01-01", "text": "Syria and South Korea established relations last year, on Thursday."}) + "\n")
open("bad-records.jsonl", "w").write("{not json\n" * 1000 + '{"text": 5}\n' + "[1,2]\n")
header = "a\tb\tevent\tdate\tsource_url\tpublisher\tpublished\tquote\n"
for name, row in {
    "empty-source": "KOR\tCUB\testablish\t2024-02-14\t\tX\t2024-02-14\tq\n",
    "js-url": "KOR\tCUB\testablish\t2024-02-14\tjavascript:alert(1)\tX\t2024-02-14\tq\n",
    "nul-quote": "KOR\tCUB\testablish\t2024-02-14\thttps://a.org\tX\t2024-02-14\ta\0b\n",
    "before-state": "KOR\tSSD\testablish\t2005\thttps://a.org\tX\t2005\tties\n",
    "year-zero": "KOR\tCUB\testablish\t0000\thttps://a.org\tX\t2005\tties\n",
}.items():
    open(f"{name}.tsv", "w").write(header + row)
EOF
mkfifo fifo.jsonl
mkdir loop && ln -s "$tmp/loop" loop/again && ln -s loop/self loop/self && cp names.txt loop/
printf 'x' > notafolder

total=0; broken=0
# case EXPECT ARGS...: EXPECT is "any" (an answer, or a refusal in one line), "refuse" (exit 2,
# one line, no ledger written) or "lines" (may warn once per bad record, then exit 0-2)
case_() {
    local expect=$1; shift
    total=$((total + 1))
    rm -rf ledger.sqlite*
    local start end code lines secs
    start=$(date +%s.%N)
    DIPLOGRAPH_DB="$tmp/ledger.sqlite" timeout 10 "$bin" "$@" >out 2>err </dev/null
    code=$?
    end=$(date +%s.%N)
    secs=$(python3 -c "print(round($end - $start, 2))")
    lines=$(wc -l <err)
    local verdict=ok
    if [ "$code" = 124 ]; then verdict="HANG"
    elif [ "$code" = 101 ] || grep -q panicked err; then verdict="PANIC"
    elif [ "$code" -gt 2 ]; then verdict="EXIT"
    elif [ "$expect" = refuse ] && [ "$code" != 2 ]; then verdict="ACCEPTED"
    elif [ "$expect" != lines ] && [ "$code" = 2 ] && [ "$lines" != 1 ]; then verdict="LINES"
    elif [ "$code" = 2 ] && [ -e ledger.sqlite ] && [ "$1" != ingest ]; then verdict="WROTE"
    fi
    [ "$verdict" = ok ] || broken=$((broken + 1))
    printf '%-8s %5ss exit %-3s %s | %s\n' "$verdict" "$secs" "$code" "$*" "$(head -c 150 err | tr '\n' ' ')"
}

for cmd in read check ingest; do
    for f in events-16mb.txt one-line-16mb.txt names.txt deep-*.html broken.html; do
        case_ any "$cmd" "$f" --published 2025-04-11
    done
    for f in binary.bin latin1.txt empty.txt; do case_ refuse "$cmd" "$f"; done
    case_ refuse "$cmd" /dev/zero --input jsonl
    case_ refuse "$cmd" fifo.jsonl
    case_ lines "$cmd" bad-records.jsonl
    case_ any "$cmd" future.jsonl
    case_ any "$cmd" far.jsonl
    case_ any "$cmd" edge.jsonl
    case_ any "$cmd" loop
    case_ refuse "$cmd" missing.txt
done
case_ refuse read empty.txt --published 2025-02-30
case_ refuse read empty.txt --published 99999-01-01
for f in empty-source js-url nul-quote before-state year-zero; do case_ refuse import facts "$f.tsv"; done
case_ refuse import facts /dev/zero
case_ refuse import facts fifo.jsonl
case_ refuse add NIU CUB establish 2026-05-04 --citation ''
case_ refuse add KOR CUB establish 2024-02-14 --url 'javascript:alert(1)' --quote words
case_ refuse add KOR CUB establish 2024-02-14 --url https://a.org --quote '...'
case_ refuse timeline KOR --from=-32768
case_ refuse exclusive KOR --rival PRK --timeline --from=-20000
case_ refuse export --format dyad-year --to=10000
case_ refuse relations KOR --as-of 0000
case_ refuse relations KOR --as-of 2024-13-01
case_ refuse relations Korae
case_ refuse relatoins KOR
case_ refuse init --known-at 2024-02-30
case_ refuse --db notafolder/ledger.sqlite relations KOR
case_ refuse --db notafolder/ledger.sqlite add KOR CUB establish 2024-02-14 --url https://a.org --quote 'established ties'
echo "audit: $total cases, $broken broken ($(nproc) cores, $(uname -m), $(date -u +%F))"
[ "$broken" = 0 ]
