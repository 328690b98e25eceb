#!/usr/bin/env bash
# Measures the LlmErs generator's time on a project with N annotated types (default 100), as the compiler reports
# it with -p:ReportAnalyzer=true. Usage: tests/scripts/generator-time.sh [N]
set -euo pipefail
count=${1:-100}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/Scale.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$root/src/LlmErs.Abstractions/LlmErs.Abstractions.csproj" />
    <ProjectReference Include="$root/src/LlmErs.Generators/LlmErs.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
XML
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Packages.props"

for i in $(seq 1 "$count"); do
  cat > "$work/Item$i.cs" <<CS
using LlmErs;
namespace Scale;
public enum Pace$i { Slow, Steady, Fast }
[Enrichable]
public partial class Item$i
{
    [ItemKey] public required string Id { get; init; }
    public required string Title { get; init; }
    public int? Year { get; init; }
    public IReadOnlyList<string> Genres { get; init; } = [];
    public string? Overview { get; init; }
    [LlmText("Who would enjoy {{ title }}{{ if year }} ({{ year }}){{ end }}? {{ genres | array.join ', ' }}. {{ overview | string.truncate 200 }}", MaxWords = 40)]
    public partial string? Pitch { get; set; }
    [LlmTags("Moods of {{ title }}: {{ overview }}", Vocabulary = ["dark", "uplifting", "tense", "funny"], Max = 2)]
    public partial IReadOnlyList<string> Moods { get; set; }
    [LlmValue("Is {{ title | string.upcase }} for children? {{ for g in genres }}{{ g }};{{ end }}")]
    public partial bool? FamilyFriendly { get; set; }
    [LlmValue("Pacing of {{ title }}")]
    public partial Pace$i? Pacing { get; set; }
    [LlmNormalize("Country of {{ title }}", Vocabulary = ["France", "Japan", "United States"])]
    public partial string? Country { get; set; }
    [Embedding("{{ title }}. {{ pitch }} {{ moods | array.join ', ' }}", Dimensions = 384)]
    public partial ReadOnlyMemory<float> Content { get; set; }
    [SemanticId(nameof(Content))]
    public partial SemanticId Sid { get; set; }
}
CS
done

dotnet build "$root/src/LlmErs.Generators" -c Release > /dev/null
dotnet build "$root/src/LlmErs.Abstractions" -c Release > /dev/null
cd "$work"
# Only this project is compiled here, so the report below is the generator's time on the N types alone.
dotnet build -c Release --no-dependencies -p:ReportAnalyzer=true -v:d > build.log 2>&1 || { tail -30 build.log; exit 1; }
echo "types: $count"
grep -A3 "Total generator execution time" build.log | sed 's/^ *//'
