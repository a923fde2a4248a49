#!/usr/bin/env bash
# Measures the NP1xxx analyzers' share of compile time on a generated ~100k-line project, next to Meziantou.Analyzer
# on the same code (docs/analyzers.md). Usage: tools/analyzer-perf/run.sh [WORK_DIR] [LINES]
# Needs the analyzer built first: dotnet build -c Release src/Nonprofit.Analyzers/Nonprofit.Analyzers.csproj
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${1:-/tmp/np-analyzer-perf}
lines=${2:-100000}
analyzer="$repo/src/Nonprofit.Analyzers/bin/Release/netstandard2.0/Nonprofit.Analyzers.dll"
[[ -f $analyzer ]] || { echo "build src/Nonprofit.Analyzers in Release first" >&2; exit 2; }

version_of() { sed -n "s/.*Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" "$repo/Directory.Packages.props"; }
meziantou=$(version_of Meziantou.Analyzer)
logging=$(version_of Microsoft.Extensions.Logging.Abstractions)

rm -rf "$work" && mkdir -p "$work"
python3 "$here/generate.py" "$work/src" "$lines"
cat > "$work/Perf.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <!-- The SDK's own analyzers are off, so compile time is the compiler's and the two analyzer packages' only. -->
    <EnableNETAnalyzers>false</EnableNETAnalyzers>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <Compile Remove="**/*" />
    <Compile Include="src/*.cs" />
    <Analyzer Include="$analyzer" />
    <PackageReference Include="Meziantou.Analyzer" Version="$meziantou" PrivateAssets="all" />
    <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="$logging" />
  </ItemGroup>
</Project>
XML
cd "$work"
dotnet restore --nologo -v:q
for run in 1 2 3; do
  dotnet build --no-restore --no-incremental -c Release --nologo -p:ReportAnalyzer=true \
    "-flp:v=detailed;logfile=build$run.log;performancesummary" -v:q -clp:NoSummary >/dev/null || true
done

# The last two runs are measured (the first warms the disk cache and the compiler server).
for run in 2 3; do
  log="build$run.log"
  csc=$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$log" | tail -1 | awk '{print $1}')
  total=$(grep -m1 'Total analyzer execution time' "$log" | sed 's/.*time: \([0-9.]*\).*/\1/')
  ours=$(grep -m1 -E '^\s+[0-9.<]+\s+[0-9<]+\s+Nonprofit.Analyzers, Version' "$log" | awk '{print $1}')
  theirs=$(grep -m1 -E '^\s+[0-9.<]+\s+[0-9<]+\s+Meziantou.Analyzer, Version' "$log" | awk '{print $1}')
  printf 'run %s: lines=%s csc_ms=%s all_analyzers_s=%s nonprofit_s=%s meziantou_s=%s nonprofit_pct=%s meziantou_pct=%s\n' \
    "$run" "$(cat src/*.cs | wc -l)" "$csc" "$total" "$ours" "$theirs" \
    "$(awk -v a="$ours" -v c="$csc" 'BEGIN{printf "%.2f", 100*a*1000/c}')" \
    "$(awk -v a="$theirs" -v c="$csc" 'BEGIN{printf "%.2f", 100*a*1000/c}')"
done
echo "logs: $work/build2.log $work/build3.log"
