#!/usr/bin/env bash
# Peers for the language identification evaluation (issue 6): npm franc-min@6.2.0 and eld@2.1.0, run through node
# over the texts the harness gives. Installs both into a fresh temporary folder (nothing is committed or left behind).
#
# Usage: benchmarks/guards-language-peers.sh INPUT OUTPUT
#   INPUT: one JSON string per line; OUTPUT: one {"franc":..,"eld":..} per line (ISO 639-1), same order.
# Called by `dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- guards-language`, which prints the
# peers' accuracy table next to ours; it prints peer.<name>.us_per_text lines.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -eq 2 ]] || { echo "usage: $0 INPUT OUTPUT" >&2; exit 2; }
[[ -f "$1" ]] || { echo "input not found: $1" >&2; exit 2; }
command -v node >/dev/null || { echo "node is required" >&2; exit 2; }
command -v npm >/dev/null || { echo "npm is required" >&2; exit 2; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if ! npm install --no-audit --no-fund --prefix "$WORK" "franc-min@6.2.0" "eld@2.1.0" >"$WORK/npm.log" 2>&1; then
  cat "$WORK/npm.log" >&2
  exit 1
fi

cp "$HERE/peers/language/peer.mjs" "$WORK/peer.mjs"
node "$WORK/peer.mjs" "$(realpath "$1")" "$(realpath -m "$2")"
