#!/usr/bin/env python3
"""Score a PII detector's CLI output against corpus.jsonl (standard library only).

usage: python3 score.py corpus.jsonl output.jsonl [--errors]

output.jsonl: one line per corpus line, same order, {"spans":[{"start":..,"end":..,"type":..,"score":..}]}
with UTF-16 code-unit offsets, end exclusive. Types of the output are ignored (type-agnostic scoring).

Reports
  * character-level precision / recall / F1, type-agnostic, whitespace characters not counted,
    overall and per language (micro-averaged over characters);
  * recall per gold type: a gold span counts as found when >= half of its non-space characters are flagged;
  * decoys (look-alike negative numbers the corpus marks: prices, vitals, order numbers, bad checksums ...):
    how many are hit (any non-space character flagged), per decoy kind and per line family;
  * predicted spans with no overlap with any gold span ("spurious spans"), per line family, and on lines
    that have no PII at all.
--errors prints, per line, missed gold spans, hit decoys and spurious predicted spans.
"""
import json, sys
from collections import defaultdict, Counter

def u16_to_cp(text):
    """list mapping each UTF-16 code unit index (0..n16) to a code-point index"""
    m = []
    for i, ch in enumerate(text):
        m.extend([i] * (2 if ord(ch) > 0xFFFF else 1))
    m.append(len(text))
    return m

def cp_set(text, m, start, end):
    """non-space code-point indices covered by a UTF-16 span"""
    n16 = len(m) - 1
    start = max(0, min(int(start), n16)); end = max(0, min(int(end), n16))
    a, b = m[start], m[end]
    if end > 0 and end < n16 and m[end - 1] == m[end]:  # end inside a surrogate pair: include that char
        b = m[end] + 1
    return {i for i in range(a, b) if not text[i].isspace()}

def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f

def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    show = '--errors' in sys.argv
    if len(args) != 2:
        sys.exit(__doc__)
    corpus = [json.loads(l) for l in open(args[0], encoding='utf-8') if l.strip()]
    outs = [l for l in open(args[1], encoding='utf-8')]
    outs = [l for l in outs if l.strip()]
    if len(outs) != len(corpus):
        sys.exit(f'ERROR: {len(corpus)} corpus lines but {len(outs)} output lines')

    ch = defaultdict(lambda: [0, 0, 0])          # lang -> tp, fp, fn (characters)
    typ = defaultdict(lambda: [0, 0])             # gold type -> found, total
    typ_lang = defaultdict(lambda: [0, 0])        # (lang, type) -> found, total
    dec_kind = defaultdict(lambda: [0, 0])        # decoy kind -> hit, total
    dec_fam = defaultdict(lambda: [0, 0])         # family -> decoys hit, total
    spur_fam = Counter(); pred_fam = Counter()
    neg_lines = [0, 0, 0]                          # lines without PII, of which with any prediction, spans
    bad = 0
    for c, line in zip(corpus, outs):
        t, lang, fam = c['text'], c['language'], c.get('family', '')
        m = u16_to_cp(t)
        try:
            pred = json.loads(line).get('spans', [])
        except json.JSONDecodeError:
            bad += 1; pred = []
        pred_sets = []
        for p in pred:
            if not (0 <= p['start'] <= p['end'] <= len(m) - 1):
                bad += 1
            pred_sets.append((p, cp_set(t, m, p['start'], p['end'])))
        P = set().union(*[s for _, s in pred_sets]) if pred_sets else set()
        G = set()
        gold_sets = []
        for g in c['spans']:
            s = cp_set(t, m, g['start'], g['end']); G |= s; gold_sets.append((g, s))
        ch[lang][0] += len(P & G); ch[lang][1] += len(P - G); ch[lang][2] += len(G - P)
        errs = []
        for g, s in gold_sets:
            found = len(s & P) * 2 >= len(s) and len(s) > 0
            for key in (typ[g['type']], typ_lang[(lang, g['type'])]):
                key[0] += found; key[1] += 1
            if not found:
                errs.append(f'  MISS  {g["type"]:<13} {g["value"]!r}  (flagged {len(s & P)}/{len(s)})')
        for d in c.get('decoys', []):
            s = cp_set(t, m, d['start'], d['end'])
            hit = bool(s & P)
            dec_kind[d['kind']][0] += hit; dec_kind[d['kind']][1] += 1
            dec_fam[fam][0] += hit; dec_fam[fam][1] += 1
            if hit:
                errs.append(f'  DECOY {d["kind"]:<13} {d["value"]!r} flagged')
        for p, s in pred_sets:
            pred_fam[fam] += 1
            if s and not (s & G):
                spur_fam[fam] += 1
                a, b = m[max(0, min(p['start'], len(m) - 1))], m[max(0, min(p['end'], len(m) - 1))]
                errs.append(f'  FP    {str(p.get("type")):<13} {t[a:b]!r} [{p["start"]},{p["end"]})')
        if not c['spans']:
            neg_lines[0] += 1; neg_lines[1] += bool(pred_sets); neg_lines[2] += len(pred_sets)
        if show and errs:
            print(f'{c["id"]} [{lang}/{fam}] {t}')
            print('\n'.join(errs))
    if show:
        print()

    print('== character-level, type-agnostic (whitespace not counted) ==')
    print(f'{"language":<10}{"P":>8}{"R":>8}{"F1":>8}{"tp":>7}{"fp":>7}{"fn":>7}')
    tot = [0, 0, 0]
    for lang in sorted(ch):
        tp, fp, fn = ch[lang]; tot = [a + b for a, b in zip(tot, ch[lang])]
        print(f'{lang:<10}' + ''.join(f'{x:8.3f}' for x in prf(tp, fp, fn)) + f'{tp:7}{fp:7}{fn:7}')
    print(f'{"ALL":<10}' + ''.join(f'{x:8.3f}' for x in prf(*tot)) + f'{tot[0]:7}{tot[1]:7}{tot[2]:7}')

    print('\n== recall per gold type (span found if >= half its non-space chars flagged) ==')
    langs = sorted(ch)
    print(f'{"type":<15}{"found":>7}{"total":>7}{"recall":>8}   ' + ' '.join(f'{l:>9}' for l in langs))
    for ty in sorted(typ):
        f, n = typ[ty]
        cells = []
        for l in langs:
            a, b = typ_lang.get((l, ty), (0, 0))
            cells.append(f'{a:>4}/{b:<4}' if b else f'{"-":>9}')
        print(f'{ty:<15}{f:7}{n:7}{f / n:8.3f}   ' + ' '.join(cells))

    print('\n== decoys (negative look-alike numbers) flagged, per kind ==')
    for k in sorted(dec_kind, key=lambda k: -dec_kind[k][1]):
        h, n = dec_kind[k]
        print(f'{k:<12}{h:5}/{n:<5} {h / n:6.1%}')
    hs = sum(v[0] for v in dec_kind.values()); ns = sum(v[1] for v in dec_kind.values())
    print(f'{"ALL":<12}{hs:5}/{ns:<5} {hs / ns if ns else 0:6.1%}')

    print('\n== per line family: decoys flagged / decoys, spurious predicted spans (no gold overlap) / predicted ==')
    for fam in sorted(set(dec_fam) | set(pred_fam)):
        h, n = dec_fam.get(fam, (0, 0))
        print(f'{fam:<20} decoys {h:3}/{n:<3}  spurious {spur_fam[fam]:3}/{pred_fam[fam]:<3}')
    print(f'\nlines without PII: {neg_lines[0]}, with any predicted span: {neg_lines[1]} ({neg_lines[2]} spans)')
    print(f'spurious spans overall: {sum(spur_fam.values())} of {sum(pred_fam.values())} predicted')
    if bad:
        print(f'WARNING: {bad} malformed output lines or out-of-range spans')

if __name__ == '__main__':
    main()
