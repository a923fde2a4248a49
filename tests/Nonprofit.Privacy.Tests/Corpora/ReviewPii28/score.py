#!/usr/bin/env python3
"""Score a PII detector's CLI output against corpus.jsonl (python3, standard library only).

usage: python3 score.py corpus.jsonl output.jsonl [--errors]

output.jsonl: one line per corpus line, same order: {"spans":[{"start":..,"end":..,"type":..,...}]}
(UTF-16 offsets, end exclusive; predicted type names are ignored - scoring is type-agnostic).

Reports
  * character-level precision / recall / F1, overall and per language. Whitespace characters and
    characters inside an "ignore" span are not counted.
  * recall per gold type: a gold span is found when >= half of its non-space characters are flagged.
  * per family: predicted spans that touch no gold character (false-positive spans), and decoys
    (look-alike numbers annotated in the corpus) that are flagged (any non-space character).
  * --errors: every missed gold span, every false-positive span, every flagged decoy, by line.
"""
import json
import sys
from collections import defaultdict


def idx_map(text):
    """list m with m[u16offset] = python index (len+1 entries; a surrogate's 2nd unit maps to its char)."""
    m = []
    for i, c in enumerate(text):
        m.append(i)
        if ord(c) > 0xFFFF:
            m.append(i)
    m.append(len(text))
    return m


def to_py(m, start, end, text):
    n16 = len(m) - 1
    s = min(max(int(start), 0), n16)
    e = min(max(int(end), 0), n16)
    a = m[s]
    b = m[e] if e < n16 else len(text)
    if e > 0 and e < n16 and m[e] == m[e - 1]:  # end inside a surrogate pair: include the char
        b = m[e] + 1
    return a, b


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = "--errors" in sys.argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    corpus = [json.loads(l) for l in open(args[0], encoding="utf-8") if l.strip()]
    outs = [l for l in open(args[1], encoding="utf-8")]
    while outs and not outs[-1].strip():
        outs.pop()
    if len(outs) != len(corpus):
        print(f"ERROR: {len(corpus)} corpus lines but {len(outs)} output lines", file=sys.stderr)
        sys.exit(1)

    char = defaultdict(lambda: [0, 0, 0])          # lang -> tp, fp, fn
    typ = defaultdict(lambda: [0, 0])              # type -> found, total
    langtyp = defaultdict(lambda: [0, 0])          # (lang,type) -> found, total
    fam = defaultdict(lambda: [0, 0, 0, 0, 0])     # family -> lines, fp spans, decoys, decoys hit, pred spans
    bad_json = 0
    errs = []
    for rec, line in zip(corpus, outs):
        text, lang = rec["text"], rec["language"]
        m = idx_map(text)
        try:
            pred = json.loads(line).get("spans", []) or []
        except (ValueError, AttributeError):
            bad_json += 1
            pred = []
        P = []
        for s in pred:
            try:
                a, b = to_py(m, s["start"], s["end"], text)
            except (KeyError, TypeError, ValueError):
                continue
            if b > a:
                P.append((a, b))
        flagged = [False] * len(text)
        for a, b in P:
            for i in range(a, b):
                flagged[i] = True
        gold = [False] * len(text)
        G = []
        for s in rec["spans"]:
            a, b = to_py(m, s["start"], s["end"], text)
            G.append((a, b, s["type"]))
            for i in range(a, b):
                gold[i] = True
        ign = [False] * len(text)
        for s in rec.get("ignore", []):
            a, b = to_py(m, s["start"], s["end"], text)
            for i in range(a, b):
                ign[i] = True
        c = char[lang]
        for i, ch in enumerate(text):
            if ch.isspace() or ign[i]:
                continue
            if gold[i] and flagged[i]:
                c[0] += 1
            elif flagged[i]:
                c[1] += 1
            elif gold[i]:
                c[2] += 1
        for a, b, t in G:
            ns = [i for i in range(a, b) if not text[i].isspace()]
            hit = sum(flagged[i] for i in ns)
            ok = bool(ns) and hit * 2 >= len(ns)
            typ[t][1] += 1
            typ[t][0] += ok
            langtyp[(lang, t)][1] += 1
            langtyp[(lang, t)][0] += ok
            if not ok:
                errs.append((rec["id"], "MISS", t, text[a:b], f"{hit}/{len(ns)} chars"))
        f = fam[rec["family"]]
        f[0] += 1
        f[4] += len(P)
        for a, b in P:
            if not any(gold[i] for i in range(a, b)) and not all(ign[i] or text[i].isspace() for i in range(a, b)):
                f[1] += 1
                errs.append((rec["id"], "FP", "", text[a:b], ""))
        for s in rec.get("decoys", []):
            a, b = to_py(m, s["start"], s["end"], text)
            f[2] += 1
            if any(flagged[i] for i in range(a, b) if not text[i].isspace()):
                f[3] += 1
                errs.append((rec["id"], "DECOY", "", text[a:b], ""))

    if bad_json:
        print(f"warning: {bad_json} output lines were not valid JSON (scored as empty)")
    print("== character level (type-agnostic; whitespace and 'ignore' spans not counted)")
    print(f"{'language':10} {'P':>7} {'R':>7} {'F1':>7} {'tp':>6} {'fp':>6} {'fn':>6}")
    tot = [0, 0, 0]
    for lang in sorted(char):
        c = char[lang]
        tot = [x + y for x, y in zip(tot, c)]
        p, r, f1 = prf(*c)
        print(f"{lang:10} {p:7.3f} {r:7.3f} {f1:7.3f} {c[0]:6} {c[1]:6} {c[2]:6}")
    p, r, f1 = prf(*tot)
    print(f"{'ALL':10} {p:7.3f} {r:7.3f} {f1:7.3f} {tot[0]:6} {tot[1]:6} {tot[2]:6}")

    print("\n== span recall per gold type (found = >= half its non-space chars flagged)")
    langs = sorted(char)
    print(f"{'type':14} {'recall':>7} {'found':>6} {'total':>6}   " + " ".join(f"{l:>8}" for l in langs))
    for t in sorted(typ):
        fnd, n = typ[t]
        cells = []
        for l in langs:
            a, b = langtyp.get((l, t), (0, 0))
            cells.append(f"{a:>3}/{b:<4}" if b else f"{'-':>8}")
        print(f"{t:14} {fnd / n:7.3f} {fnd:6} {n:6}   " + " ".join(cells))

    print("\n== false positives per family (FP span = predicted span touching no gold char;"
          " decoy hit = annotated look-alike flagged)")
    print(f"{'family':18} {'lines':>5} {'pred':>5} {'FPspan':>6} {'decoys':>6} {'hit':>5} {'hit%':>6}")
    T = [0] * 5
    for k in sorted(fam, key=lambda k: (not k.startswith("neg_"), k)):
        f = fam[k]
        T = [x + y for x, y in zip(T, f)]
        rate = f"{100 * f[3] / f[2]:5.1f}%" if f[2] else "     -"
        print(f"{k:18} {f[0]:5} {f[4]:5} {f[1]:6} {f[2]:6} {f[3]:5} {rate}")
    rate = f"{100 * T[3] / T[2]:5.1f}%" if T[2] else "     -"
    print(f"{'ALL':18} {T[0]:5} {T[4]:5} {T[1]:6} {T[2]:6} {T[3]:5} {rate}")

    if show:
        print("\n== errors")
        for e in errs:
            print(f"{e[0]} {e[1]:5} {e[2]:13} {e[3]!r} {e[4]}")


if __name__ == "__main__":
    main()
