#!/usr/bin/env bash
# Nonprofit.Privacy against the npm peer redact-pii 3.4.0, in one run on one machine:
#   - quality on the Presidio research set (character P/R/F1, per-type recall) from both, and
#   - detection throughput (MB/s, single thread, one record at a time) on the data set's text repeated to
#     >= 10 MB and on >= 10 MB of PII-free prose (BenchmarkDotNet for .NET; the peer's own timer in node);
#     for .NET also the same records through the batch entry point (DetectMany) and the records joined with
#     newlines into one >= 10 MB text detected in one call, each with its ratio to the peer's per-record figure.
# Prints key=value lines and the ratios. Usage: [JOB=short|default] bash benchmarks/privacy-vs-redact-pii.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
job="${JOB:-short}"

dotnet build --disable-build-servers -c Release --nologo -v q benchmarks/Nonprofit.Benchmarks >/dev/null
dotnet build --disable-build-servers -c Release --nologo -v q benchmarks/Nonprofit.Evaluation >/dev/null

echo "# Nonprofit.Privacy quality"
dotnet run -c Release --no-build --project benchmarks/Nonprofit.Evaluation -- pii | sed 's/^/ours./'

echo "# Nonprofit.Privacy speed (BenchmarkDotNet, job $job)"
bdn=$(mktemp)
dotnet run -c Release --no-build --project benchmarks/Nonprofit.Benchmarks -- --filter '*PiiDetectionBenchmarks*' --job "$job" >"$bdn" 2>&1
grep -E '^\|' "$bdn"
ours_dataset=$(grep -E '^\| DatasetRecords ' "$bdn" | awk -F'|' '{gsub(/ /,"",$6); print $6}')
ours_batch=$(grep -E '^\| DatasetBatch ' "$bdn" | awk -F'|' '{gsub(/ /,"",$6); print $6}')
ours_concatenated=$(grep -E '^\| DatasetConcatenated ' "$bdn" | awk -F'|' '{gsub(/ /,"",$6); print $6}')
ours_prose=$(grep -E '^\| PiiFreeProse ' "$bdn" | awk -F'|' '{gsub(/ /,"",$6); print $6}')
echo "ours.speed.dataset_mbps=$ours_dataset"
echo "ours.speed.dataset_batch_mbps=$ours_batch"
echo "ours.speed.dataset_concatenated_mbps=$ours_concatenated"
echo "ours.speed.prose_mbps=$ours_prose"

echo "# redact-pii 3.4.0 (quality and speed)"
peer=$(mktemp)
bash benchmarks/peers/redact-pii/run.sh | tee "$peer" | sed 's/^/peer./'
peer_dataset=$(sed -n 's/^speed.dataset_mbps=//p' "$peer")
peer_prose=$(sed -n 's/^speed.prose_mbps=//p' "$peer")

python3 - "$ours_dataset" "$peer_dataset" "$ours_prose" "$peer_prose" "$ours_batch" "$ours_concatenated" <<'PY'
import sys
od, pd, op, pp, ob, oc = map(float, sys.argv[1:])
print(f"ratio.dataset_speed={od / pd:.1f}")
print(f"ratio.dataset_batch_speed={ob / pd:.1f}")
print(f"ratio.dataset_concatenated_speed={oc / pd:.1f}")
print(f"ratio.prose_speed={op / pp:.1f}")
PY
rm -f "$bdn" "$peer"
