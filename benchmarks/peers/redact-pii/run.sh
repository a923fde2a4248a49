#!/usr/bin/env bash
# Peer measurement: npm redact-pii@3.4.0 on the presidio-research synthetic PII set (quality + speed).
# Installs the package into a fresh temporary folder, runs peer.cjs, then re-scores peer.cjs's predictions
# with the independent Python scorer (../score_chars.py) and fails if the two disagree.
#
# Usage: benchmarks/peers/redact-pii/run.sh [peer.cjs options, e.g. --no-speed | --min-mb 10 --runs 5]
# Env:   DATASET (default: <repo>/../shared/data/pii/presidio_research_synth_dataset_v2.json)
#        PREDICTIONS_OUT (optional: keep the JSONL predictions at this path)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
DATASET="${DATASET:-$REPO/../shared/data/pii/presidio_research_synth_dataset_v2.json}"
PEER_VERSION="3.4.0"

[[ -f "$DATASET" ]] || { echo "dataset not found: $DATASET" >&2; exit 2; }
command -v node >/dev/null || { echo "node is required" >&2; exit 2; }
command -v npm >/dev/null || { echo "npm is required" >&2; exit 2; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if ! npm install --no-audit --no-fund --prefix "$WORK" "redact-pii@$PEER_VERSION" >"$WORK/npm.log" 2>&1; then
  cat "$WORK/npm.log" >&2
  exit 1
fi

PRED="$WORK/predictions.jsonl"
NODE_PATH="$WORK/node_modules" node "$HERE/peer.cjs" --dataset "$DATASET" --predictions "$PRED" "$@" \
  | tee "$WORK/peer.out"

# Cross-check: the independent Python scorer must give the same pii.* lines on the same predictions.
if command -v python3 >/dev/null; then
  python3 "$HERE/../score_chars.py" "$DATASET" "$PRED" >"$WORK/python.out"
  if diff <(grep '^pii\.' "$WORK/peer.out") <(grep '^pii\.' "$WORK/python.out") >"$WORK/diff.out"; then
    echo "crosscheck.score_chars_py=agree"
  else
    echo "crosscheck.score_chars_py=DISAGREE" >&2
    cat "$WORK/diff.out" >&2
    exit 1
  fi
else
  echo "crosscheck.score_chars_py=skipped (no python3)"
fi

if [[ -n "${PREDICTIONS_OUT:-}" ]]; then
  cp "$PRED" "$PREDICTIONS_OUT"
fi
