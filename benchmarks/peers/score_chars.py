#!/usr/bin/env python3
"""Independent character-level PII scorer (standard library only).

Usage:
    python3 score_chars.py DATASET.json PREDICTIONS.jsonl [--offsets utf16|codepoint]

DATASET.json: JSON array of records {"full_text": str, "spans": [{"entity_type", "start_position",
"end_position", ...}]} with Python code-point offsets, end exclusive (presidio-research synth format).
PREDICTIONS.jsonl: one line per record, in dataset order: {"spans": [{"start": int, "end": int, ...}]}
(the output of `nonprofit pii detect`; extra fields are ignored; "length" is accepted when "end" is missing).
Prediction offsets are UTF-16 code units by default (C#, JavaScript); --offsets codepoint for Python offsets.

Metric (identical to benchmarks/peers/redact-pii/peer.cjs):
  * character-level, type-agnostic precision, recall and F1, pooled over all records;
  * whitespace characters (str.isspace) are not counted at all;
  * characters inside gold spans of type ORGANIZATION, TITLE, NRP or DATE_TIME count neither way, whether
    flagged or not;
  * per-entity-type recall: a gold span counts as found when at least half of its non-space characters are
    flagged (spans with no non-space character are skipped).

Prints key=value lines: pii.precision, pii.recall, pii.f1 (4 decimals), pii.chars.tp/fp/fn and, per type,
pii.recall.TYPE and pii.spans.TYPE=found/total.
"""
import argparse
import json
import sys

EXCLUDED = {"ORGANIZATION", "TITLE", "NRP", "DATE_TIME"}


def utf16_to_cp(text):
    """Map each UTF-16 offset (0..len16) to a code-point offset."""
    m = []
    for i, ch in enumerate(text):
        m.append(i)
        if ord(ch) > 0xFFFF:
            m.append(i + 1)  # an offset inside a surrogate pair rounds up to the next code point
    m.append(len(text))
    return m


def load_predictions(path, n_records):
    preds = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                preds.append(json.loads(line).get("spans") or [])
    if len(preds) != n_records:
        sys.exit(f"error: {len(preds)} prediction lines for {n_records} records")
    return preds


def score(records, preds, offsets):
    tp = fp = fn = 0
    per_type = {}
    for rec, spans in zip(records, preds):
        text = rec["full_text"]
        n = len(text)
        flagged = bytearray(n)
        conv = utf16_to_cp(text) if offsets == "utf16" else None
        for s in spans:
            a = s["start"]
            b = s["end"] if "end" in s else a + s["length"]
            if conv is not None:
                a, b = conv[min(a, len(conv) - 1)], conv[min(b, len(conv) - 1)]
            for i in range(max(a, 0), min(b, n)):
                flagged[i] = 1
        gold = bytearray(n)  # 0 none, 1 PII, 2 excluded
        for s in rec["spans"]:
            a, b = s["start_position"], s["end_position"]
            v = 2 if s["entity_type"] in EXCLUDED else 1
            for i in range(a, b):
                if gold[i] != 2:
                    gold[i] = v
            nonspace = [i for i in range(a, b) if not text[i].isspace()]
            if not nonspace:
                continue
            found = sum(flagged[i] for i in nonspace)
            t = per_type.setdefault(s["entity_type"], [0, 0])
            t[1] += 1
            if 2 * found >= len(nonspace):
                t[0] += 1
        for i, ch in enumerate(text):
            if ch.isspace() or gold[i] == 2:
                continue
            if gold[i] == 1:
                if flagged[i]:
                    tp += 1
                else:
                    fn += 1
            elif flagged[i]:
                fp += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return tp, fp, fn, p, r, f1, per_type


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset")
    ap.add_argument("predictions")
    ap.add_argument("--offsets", choices=["utf16", "codepoint"], default="utf16")
    a = ap.parse_args()
    with open(a.dataset, encoding="utf-8") as f:
        records = json.load(f)
    preds = load_predictions(a.predictions, len(records))
    tp, fp, fn, p, r, f1, per_type = score(records, preds, a.offsets)
    out = [
        f"pii.precision={p:.4f}",
        f"pii.recall={r:.4f}",
        f"pii.f1={f1:.4f}",
        f"pii.chars.tp={tp}",
        f"pii.chars.fp={fp}",
        f"pii.chars.fn={fn}",
    ]
    for t in sorted(per_type):
        found, total = per_type[t]
        out.append(f"pii.recall.{t}={found / total:.4f}")
        out.append(f"pii.spans.{t}={found}/{total}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
