#!/usr/bin/env bash
# Native AOT check: packs the src projects, publishes tests/LlmErs.Packaging.Tests/AotConsumer against the packages
# (Runtime + Vectors, a fixed-answer chat client), prints every IL2xxx/IL3xxx warning by assembly, the binary's size
# and its output. Not run by CI: the publish takes several minutes on 2 cores. Needs clang (Debian: clang or clang-NN).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/feed" "$work/app" "$work/fallback" "$work/out"

# The ILCompiler looks for `clang`; Debian may carry only a versioned one.
linker=()
if ! command -v clang >/dev/null; then
  versioned="$(compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -V | tail -n 1 || true)"
  [ -n "$versioned" ] || { echo "aot-check: no clang found (apt-get install -y clang)" >&2; exit 1; }
  linker=("-p:CppCompilerAndLinker=$versioned")
fi

for p in Abstractions Vectors Runtime; do
  dotnet pack "$repo/src/LlmErs.$p" -c Release -o "$work/feed" -nologo -v q
done
version="$(basename "$work"/feed/LlmErs.Runtime.*.nupkg .nupkg)"
version="${version#LlmErs.Runtime.}"

# Own packages folder; third-party packages through links to the machine cache without llmers.* (as the test does).
cache="$(dotnet nuget locals global-packages --list | cut -d: -f2- | xargs)"
for d in "$cache"/*/; do
  name="$(basename "$d")"
  [[ "$name" == llmers.* ]] || ln -s "$d" "$work/fallback/$name"
done
cat > "$work/app/nuget.config" <<XML
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <fallbackPackageFolders><clear /><add key="machine-cache-without-llmers" value="$work/fallback" /></fallbackPackageFolders>
  <packageSources>
    <clear />
    <add key="llmers-feed" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
</configuration>
XML
src="$repo/tests/LlmErs.Packaging.Tests/AotConsumer"
cp "$src/AotConsumer.csproj.txt" "$work/app/AotConsumer.csproj"
cp "$src/Program.cs.txt" "$work/app/Program.cs"
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' > "$work/app/$f"; done

start=$SECONDS
dotnet publish "$work/app" -c Release -o "$work/out" -nologo "-p:LlmErsVersion=$version" "${linker[@]}" > "$work/publish.log" 2>&1 \
  || { cat "$work/publish.log"; exit 1; }
echo "publish: $((SECONDS - start)) s"

echo "== trimming/AOT warnings (IL2xxx/IL3xxx), by origin"
grep -oE "[^ ]+ ?: (Trim analysis |AOT analysis )?warning IL[23][0-9]{3}: [^[]*" "$work/publish.log" | sort -u || echo "none"
echo "== binary: $(du -h "$work/out/AotConsumer" | cut -f1) ($(stat -c %s "$work/out/AotConsumer") bytes)"
echo "== run"
"$work/out/AotConsumer" "$work"
