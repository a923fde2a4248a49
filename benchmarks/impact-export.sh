#!/usr/bin/env bash
# Export of 1 million measurements aggregated to IATI XML: seconds per stage and peak resident memory, each path in
# its own process so the peak (VmHWM) belongs to that path. Results: docs/impact.md.
#   bash benchmarks/impact-export.sh [MEASUREMENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
run() { dotnet run -c Release --no-build --project benchmarks/Nonprofit.Evaluation -- "$@"; }

dotnet build benchmarks/Nonprofit.Evaluation -c Release --nologo -v q >/dev/null
run impact-prepare "$work/impact.db" --measurements "$count"
run impact-export --recorder --measurements "$count" --out "$work/recorder.xml"
run impact-export --store "$work/impact.db" --out "$work/store.xml"
if cmp -s <(sed 1,2d "$work/recorder.xml") <(sed 1,2d "$work/store.xml"); then
  echo "impact.export.recorder_equals_store=true"
else
  echo "impact.export.recorder_equals_store=false"
fi
if command -v xmllint >/dev/null; then
  xmllint --noout --schema ../shared/standards/iati/schemas/iati-activities-schema.xsd "$work/store.xml" 2>&1 | tail -1
fi
