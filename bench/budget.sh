#!/usr/bin/env bash
# The budget per article's worst cases (issue 11): each case of crates/check/examples/budget.rs
# at 16 MB (the page limit), with wall time and peak memory from /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p diplograph-check --example budget
bin="${CARGO_TARGET_DIR:-target}/release/examples/budget"
echo "machine: $(nproc) cores, $(uname -m)"
for case in deep-nav deep-comments deep-999-endp flat-html events pairs one-line state-names; do
    /usr/bin/time -f "  process: %e s wall, %M KB peak" "$bin" "$case" "${MB:-16}" 2>&1
done
