#!/bin/bash
# Start-up benchmark for the launcher's AOT cache (issue #15; figures in docs/benchmarks/startup.md).
# Runs each command REPS times with the cache off (KILN_AOT=0) and on, interleaved and alternating which
# goes first, so machine load (2 shared cores) falls on both sides alike; reports medians of wall time,
# user+sys CPU and max RSS from /usr/bin/time -v, plus the one-time cost and size of recording the cache.
# Usage: scripts/bench-startup.sh [REPS (default 5)]; DEMO_REPS (default 3) for ./kiln demo (~70 s a run).
# Output: /tmp/kiln-startup/runs.tsv (every run) and a median table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS="${1:-5}"
DEMO_REPS="${DEMO_REPS:-3}"
T=/tmp/kiln-startup
rm -rf "$T"; mkdir -p "$T"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
KILN_AOT=0 ./kiln --version >/dev/null   # builds the jar if the sources changed, records nothing
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/'), $(./kiln jdk)"

# one-time cost: recording the cache (a ./kiln stages that finds no current cache)
rm -f cli/target/kiln.aot cli/target/kiln.aot.key
/usr/bin/time -v ./kiln stages >/dev/null 2>"$T/record.time"
rec_wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$T/record.time")
rec_cpu=$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.1f", u+s}' "$T/record.time")
echo "recording the cache: wall $rec_wall, CPU ${rec_cpu} s (incl. one kiln stages), size $(du -m cli/target/kiln.aot | cut -f1) MB ($(stat -c %s cli/target/kiln.aot) bytes)"

printf 'command\taot\trep\twall_s\tcpu_s\tmaxrss_mb\n' >"$T/runs.tsv"
run() { # name aot rep cmd...
  local name="$1" aot="$2" rep="$3"; shift 3
  rm -rf "$T/out"; mkdir -p "$T/out"
  KILN_AOT="$aot" /usr/bin/time -v "$@" >/dev/null 2>"$T/last.time" </dev/null || { cat "$T/last.time" >&2; exit 1; }
  awk -F': ' -v n="$name" -v a="$aot" -v r="$rep" '
    /Elapsed \(wall clock\)/ { split($2, t, ":"); w = (length(t) == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
    /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
    END { printf "%s\t%s\t%s\t%.2f\t%.2f\t%.0f\n", n, a, r, w, u + s, m / 1024 }' "$T/last.time" >>"$T/runs.tsv"
}
pair() { # name rep cmd...: both sides, the order alternating with the repetition
  local name="$1" rep="$2"; shift 2
  if [ $((rep % 2)) = 1 ]; then run "$name" 0 "$rep" "$@"; run "$name" 1 "$rep" "$@"
  else run "$name" 1 "$rep" "$@"; run "$name" 0 "$rep" "$@"; fi
}
for r in $(seq 1 "$REPS"); do
  pair help "$r" ./kiln --help
  pair stages "$r" ./kiln stages
  pair filter "$r" ./kiln filter --source c4 sample/web.jsonl.gz -o "$T/out/kept.jsonl.zst" --rejects "$T/out/rejects.jsonl.zst"
  pair inspect "$r" ./kiln inspect sample/web.jsonl.gz sample/wiki.jsonl.gz
done
for r in $(seq 1 "$DEMO_REPS"); do
  pair demo "$r" ./kiln demo -o "$T/out/demo"
done
echo "after: $(uptime | sed 's/.*load average/load average/')"
python3 - "$T/runs.tsv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
print(f"{'command':8} {'n':>2} | {'wall off':>8} {'wall on':>8} {'change':>7} | {'CPU off':>7} {'CPU on':>7} {'change':>7} | {'RSS off':>7} {'RSS on':>7}")
for cmd in dict.fromkeys(r['command'] for r in rows):
    med = lambda k, a: statistics.median(float(r[k]) for r in rows if r['command'] == cmd and r['aot'] == a)
    n = sum(1 for r in rows if r['command'] == cmd and r['aot'] == '0')
    w0, w1, c0, c1, m0, m1 = med('wall_s', '0'), med('wall_s', '1'), med('cpu_s', '0'), med('cpu_s', '1'), med('maxrss_mb', '0'), med('maxrss_mb', '1')
    print(f"{cmd:8} {n:>2} | {w0:7.2f}s {w1:7.2f}s {100*(w1-w0)/w0:+6.0f}% | {c0:6.2f}s {c1:6.2f}s {100*(c1-c0)/c0:+6.0f}% | {m0:5.0f}MB {m1:5.0f}MB")
PY
