# Checks a file of labelled claims (eval/claims*/*.jsonl): every line parses, ids are unique, every quote is a substring of its text, kinds and verdicts come from the allowed lists, every claim has at least one fact, every source names url, publisher, published and quote, and no source URL is shared with another file of any claim set (the development set, each held-out set, the other half of a set); prints counts per kind and verdict.
# Usage: python3 eval/validate-claims.py FILE...
import json
import re
import sys
from collections import Counter
from pathlib import Path

KINDS = {"count", "recognition_count", "ordinal", "first", "period_count", "group",
         "list", "exception", "pair_status", "pair_date", "duration"}
VERDICTS = {"supported", "refuted", "not_enough_info"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


EVAL = Path(__file__).resolve().parent


def other_files(path):
    """Every other file of every claim set; the development set's own files may share sources
    among themselves (issue13.jsonl restates examples its other passages also cite)."""
    me = Path(path).resolve()
    dev = EVAL / "claims"
    return [
        f
        for f in sorted(EVAL.glob("claims*/*.jsonl"))
        if f.resolve() != me and not (f.parent == dev and me.parent == dev)
    ]


def used_urls(path):
    urls = {}
    for f in other_files(path):
        if not f.exists():
            print(f"warning: {f} not found, URL overlap with it not checked", file=sys.stderr)
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                url = (json.loads(line).get("source") or {}).get("url")
                if url:
                    urls[url.strip()] = f.relative_to(EVAL).as_posix()
    return urls


def main(path):
    errors, ids = [], set()
    used = used_urls(path)
    kinds, verdicts, pairs = Counter(), Counter(), Counter()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        where = f"{path}:{n}"
        if not line.strip():
            errors.append(f"{where}: empty line")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: does not parse: {e}")
            continue
        rid = rec.get("id")
        if not rid or rid in ids:
            errors.append(f"{where}: missing or repeated id {rid!r}")
        ids.add(rid)
        text = rec.get("text", "")
        if not text:
            errors.append(f"{where}: no text")
        if not DATE.match(str(rec.get("published", ""))):
            errors.append(f"{where}: published {rec.get('published')!r} is not YYYY[-MM[-DD]]")
        src = rec.get("source") or {}
        for key in ("url", "publisher", "published", "quote"):
            if not src.get(key):
                errors.append(f"{where}: source has no {key}")
        if src.get("url", "").strip() in used:
            errors.append(f"{where}: source url is also a source in eval/{used[src['url'].strip()]}: {src['url']}")
        if src.get("published") and not DATE.match(str(src.get("published"))):
            errors.append(f"{where}: source published {src.get('published')!r} is not YYYY[-MM[-DD]]")
        claims = rec.get("claims") or []
        if not claims:
            errors.append(f"{where}: no claims")
        for c in claims:
            q, k, v, facts = c.get("quote", ""), c.get("kind"), c.get("verdict"), c.get("facts") or []
            if not q or q not in text:
                errors.append(f"{where}: quote not in text: {q!r}")
            if k not in KINDS:
                errors.append(f"{where}: unknown kind {k!r}")
            if v not in VERDICTS:
                errors.append(f"{where}: unknown verdict {v!r}")
            if not facts or not all(isinstance(f, str) and f.strip() for f in facts):
                errors.append(f"{where}: claim {q!r} has no facts")
            kinds[k] += 1
            verdicts[v] += 1
            pairs[(k, v)] += 1
    for e in errors:
        print(e, file=sys.stderr)
    print(f"{len(lines)} passages, {sum(kinds.values())} claims")
    print("kind                 supported refuted not_enough_info total")
    for k in sorted(kinds):
        print(f"{k:20} {pairs[(k, 'supported')]:9} {pairs[(k, 'refuted')]:7} {pairs[(k, 'not_enough_info')]:15} {kinds[k]:5}")
    print(f"{'total':20} {verdicts['supported']:9} {verdicts['refuted']:7} {verdicts['not_enough_info']:15} {sum(kinds.values()):5}")
    if errors:
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: validate-claims.py FILE...", file=sys.stderr)
        sys.exit(2)
    sys.exit(max(main(p) for p in sys.argv[1:]))
