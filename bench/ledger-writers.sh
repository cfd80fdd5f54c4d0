#!/bin/sh
# Writers at once on one ledger: two `ingest`s of different feeds (600 articles each), a
# `review accept` and three `add`s, and `relations` queries, TRIALS times; counts the commands
# that failed and how many of them failed on a lock ("locked" or "busy").
# Usage: bench/ledger-writers.sh BINARY [TRIALS]   (the test `writers_at_once_a_hundred_trials`
# in crates/cli/tests/ledger.rs also compares each ledger with a sequential run)
set -u
bin=$1
trials=${2:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for site in 1 2; do
  i=0
  : > "$work/f$site.jsonl"
  while [ $i -lt 600 ]; do
    case $((i % 4)) in
      0) p="Chile and Peru" ;; 1) p="Ghana and Togo" ;; 2) p="Norway and Chile" ;; *) p="Japan and Peru" ;;
    esac
    printf '{"url": "https://site%s.example.org/%s", "published": "2026-03-02", "text": "%s established diplomatic relations on 1 March 2026, officials said in statement number %s."}\n' \
      "$site" "$i" "$p" "$i" >> "$work/f$site.jsonl"
    i=$((i + 1))
  done
done
echo "Bhutan and Fiji established diplomatic relations on 2 March 2026, the ministry said." > "$work/c.txt"
failed=0
locked=0
t=0
while [ $t -lt "$trials" ]; do
  export DIPLOGRAPH_DB="$work/l$t.sqlite"
  "$bin" ingest "$work/c.txt" --published 2026-03-03 > /dev/null 2>&1
  "$bin" ingest "$work/f1.jsonl" > /dev/null 2> "$work/e1" & a=$!
  "$bin" ingest "$work/f2.jsonl" > /dev/null 2> "$work/e2" & b=$!
  n=0
  "$bin" review accept 1 > /dev/null 2> "$work/e3.$n" || { failed=$((failed + 1)); grep -qE 'locked|busy' "$work/e3.$n" && locked=$((locked + 1)); }
  for k in 1 2 3; do
    "$bin" add NIU CUB establish "2026-05-0$k" --url "https://x.example.org/$k" --publisher X \
      --published "2026-05-0$k" --quote "established relations" > /dev/null 2> "$work/e4" \
      || { failed=$((failed + 1)); grep -qE 'locked|busy' "$work/e4" && locked=$((locked + 1)); }
    "$bin" relations CHL --as-of 2026-04-01 > /dev/null 2> "$work/e5" \
      || { failed=$((failed + 1)); grep -qE 'locked|busy' "$work/e5" && locked=$((locked + 1)); }
  done
  for p in $a $b; do
    if ! wait $p; then failed=$((failed + 1)); fi
  done
  for e in "$work/e1" "$work/e2"; do grep -qE 'locked|busy' "$e" && locked=$((locked + 1)); done
  rm -f "$DIPLOGRAPH_DB"*
  t=$((t + 1))
done
echo "$trials trials, $((trials * 9)) commands: $failed failed, $locked of them on a lock"
