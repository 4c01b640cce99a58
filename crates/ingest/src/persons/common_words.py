#!/usr/bin/env python3
"""Regenerates `common.txt` and `lowercase.txt`, the words French news writes in lowercase.

`common.txt`: mostly lowercase, so a capitalised occurrence is a sentence start or a title, not
a name (`Selon`, `Interrogé`, `Atelier`). `lowercase.txt`: ordinary words that are also often
capitalised (`Valeurs`, `Sud`, `Autoroutes`), so a run of them is more likely a title or an
organisation than a person.

Counted on the OrangeSum development corpus (CC BY-SA 4.0), leaving out every article of the
hand-annotated person sets so the evaluation stays blind. A word is kept when it is seen in
lowercase at least MIN_LOWER times, at least RATIO times more often than capitalised inside a
sentence (WEAK_* for the second list), and is capitalised somewhere (otherwise listing it
changes nothing).

    python3 common_words.py ../../../../../shared/corpus/orangesum-dev.jsonl.gz \
        ../../../../tests/data/persons/*.jsonl
"""
import collections, gzip, json, re, sys, unicodedata

MIN_LOWER, RATIO = 30, 6
WEAK_MIN_LOWER, WEAK_RATIO = 10, 0.5
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]", re.I)


def fold(w):
    w = unicodedata.normalize("NFD", w.lower())
    return "".join(c for c in w if not unicodedata.combining(c)).replace("’", "'")


def main():
    corpus, annotated = sys.argv[1], sys.argv[2:]
    skip = {json.loads(l)["id"] for f in annotated for l in open(f, encoding="utf-8")}
    lower, cap_mid, cap_start = collections.Counter(), collections.Counter(), collections.Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"] in skip or d.get("dup_of"):
                continue
            for para in [d["title"], d["lede"] or ""] + d["body"].split("\n\n"):
                start = True
                pos = 0
                for m in WORD.finditer(para):
                    gap = para[pos:m.start()]
                    pos = m.end()
                    if re.search(r"[.!?:«“\"]", gap):
                        start = True
                    w = ELISION.sub("", m.group())
                    if len(w) < 2:
                        start = False
                        continue
                    k = fold(w)
                    if w[0].islower():
                        lower[k] += 1
                    elif not w.isupper():
                        (cap_start if start else cap_mid)[k] += 1
                    start = False
    keep = {
        k for k, n in lower.items()
        if n >= MIN_LOWER and n >= RATIO * cap_mid[k] and (cap_mid[k] or cap_start[k])
    }
    weak = {
        k for k, n in lower.items()
        if n >= WEAK_MIN_LOWER and n >= WEAK_RATIO * cap_mid[k] and cap_mid[k] and k not in keep
    }
    with open("common.txt", "w", encoding="utf-8") as out:
        print("# Words French news writes in lowercase (see common_words.py): a capitalised one", file=out)
        print("# starts a sentence or a title. Folded: lowercase, no accents. Derived from word counts", file=out)
        print("# of the OrangeSum corpus (CC BY-SA 4.0), annotated articles left out.", file=out)
        for k in sorted(keep):
            print(k, file=out)
    with open("lowercase.txt", "w", encoding="utf-8") as out:
        print("# Ordinary words that news also capitalises often (see common_words.py): a run of", file=out)
        print("# them is a title or an organisation rather than a person. Folded. Derived from word", file=out)
        print("# counts of the OrangeSum corpus (CC BY-SA 4.0), annotated articles left out.", file=out)
        for k in sorted(weak):
            print(k, file=out)


main()
