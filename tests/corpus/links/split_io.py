"""What the link-split generators (generate_fresh2.py to generate_fresh5.py)
share: drawing a split's lines without repeats, and writing the split or
checking that the file is what the generator writes (`--check`, run by
tests/run.d/corpus.sh). Python 3 stdlib only.
"""
import argparse
import json
import os


def draw(r, parts, with_path, tries_per_line=30):
    """Lines of `parts` ((label, count, make), `make(r)` giving (kind, url))
    without a url twice, each given a path by `with_path(r, url, label)`,
    shuffled; the split's text."""
    lines, seen = [], set()
    for label, n, make in parts:
        made = tries = 0
        while made < n and tries < n * tries_per_line:
            tries += 1
            kind, url = make(r)
            if url in seen:
                continue
            seen.add(url)
            lines.append({"label": label, "kind": kind, "url": with_path(r, url, label)})
            made += 1
    r.shuffle(lines)
    return "".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines)


def write_or_check(here, name, build, script):
    """Writes `build()` to `here/name`, or with `--check` fails when the file
    differs from it."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help=f"fail if {name} differs from what {script} writes")
    args = ap.parse_args()
    out = build()
    path = os.path.join(here, name)
    if args.check:
        with open(path, encoding="utf-8") as f:
            if f.read() != out:
                raise SystemExit(f"{name} is not what {script} writes")
        print(f"{name} matches its generator")
        return
    with open(path, "w", encoding="utf-8") as f:
        f.write(out)
    print(f"wrote {path}: {out.count(chr(10))} lines")
