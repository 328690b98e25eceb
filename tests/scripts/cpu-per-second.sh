#!/usr/bin/env bash
# How busy a command keeps the cores, second by second (Linux). Runs COMMAND, stamps each line it prints with the time
# (PREFIX.out), reads its CPU time (user + system, /proc/PID/stat) and resident memory every second (PREFIX.cpu), then
# prints the cores it used in each 5-second window beside the first line it printed there, and its idle core-seconds:
# cores × wall time − CPU time. Not run by CI. Example, a first run of the main sample:
#   tests/scripts/cpu-per-second.sh /tmp/first dotnet samples/LlmErs.Quickstart/bin/Release/net10.0/linux-x64/LlmErs.Quickstart.dll \
#       --movielens ../shared/data/movielens-latest-small --out /tmp/first-run
set -uo pipefail
[ $# -ge 2 ] || { echo "usage: $0 PREFIX COMMAND [ARGS...]" >&2; exit 2; }
prefix=$1
shift
ticks=$(getconf CLK_TCK)

"$@" > >(while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N | cut -c1-14)" "$line"; done > "$prefix.out") 2>&1 &
pid=$!
start=$(date +%s.%N)
: > "$prefix.cpu"
while kill -0 "$pid" 2>/dev/null; do
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || break
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null)
  # Fields 14 and 15 (utime, stime) counted after the command name, which may hold spaces.
  cpu=$(awk -v s="${stat##*) }" 'BEGIN { split(s, f, " "); print f[12] + f[13] }')
  printf '%s %s %s\n' "$(date +%s.%N | cut -c1-14)" "$cpu" "${rss:-0}" >> "$prefix.cpu"
  sleep 1
done
wait "$pid"
status=$?
end=$(date +%s.%N)

awk -v ticks="$ticks" -v cores="$(nproc)" -v start="$start" -v end="$end" -v out="$prefix.out" '
  BEGIN { n = 0; while ((getline l < out) > 0) { split(l, p, " "); lt[++n] = p[1]; sub(/^[^ ]+ /, "", l); lx[n] = l } }
  { t[NR] = $1; c[NR] = $2 / ticks; if ($3 > peak) peak = $3 }
  END {
    li = 1
    for (i = 1; i + 5 <= NR; i += 5) {
      used = (c[i + 5] - c[i]) / (t[i + 5] - t[i]); mark = ""
      while (li <= n && lt[li] < t[i + 5]) { if (mark == "" && lx[li] ~ /[A-Za-z]/) mark = substr(lx[li], 1, 70); li++ }
      printf "%6.0f s  %4.2f cores  %s\n", t[i] - t[1], used, mark
    }
    wall = end - start
    printf "wall %.1f s, CPU %.1f s (last sample), idle %.1f core-seconds, peak RSS %d kB\n", wall, c[NR], cores * wall - c[NR], peak
  }' "$prefix.cpu"
exit $status
