#!/bin/bash
# End-to-end benchmark (issue #15; figures in docs/benchmarks/e2e.md): whole processes, start-up included.
#   filter: `kiln filter --source c4 --profile reference IN.jsonl -o KEPT.jsonl --rejects REJ.jsonl` against
#           the reference's Python chain (filters/src/test/resources/reference/reference_decisions.py, the
#           independent implementation the parity tests use) reading the same JSONL and writing kept and
#           rejected records, so both sides parse, judge and write.
#   dedup:  `kiln dedup IN.jsonl -o OUT.jsonl` against datasketch (MinHash 128 permutations, MinHashLSH
#           threshold 0.85, word 5-gram shingles) when python3 can import it; otherwise said and skipped.
# Every command runs REPS times, interleaved (one of each per round), under /usr/bin/time -f; the table gives
# the minimum of user+sys CPU, of wall time and of max RSS, MB of text (10^6 bytes of UTF-8 text fields)
# per CPU-second, and ratios. On a shared machine take the minima of several rounds.
# Usage: scripts/bench-e2e.sh [REPS (default 3)] [COPIES (default 1: the 22 MB web corpus; N: N copies
# concatenated)]. KILN_BASE=/path/to/other/checkout/kiln adds that launcher (e.g. main) as "kiln-base".
# C1=1 (default) also times kiln with KILN_JAVA_OPTS=-XX:TieredStopAtLevel=1 ("kiln-c1": no C2 JIT);
# C1=0 leaves it out.
# Output: /tmp/kiln-e2e/runs.tsv (every run) and a table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS="${1:-3}"
COPIES="${2:-1}"
T=/tmp/kiln-e2e
CORPUS="${CORPUS:-}"
for c in "$CORPUS" ../shared/corpora/web.jsonl.gz /work/shared/corpora/web.jsonl.gz; do
  if [ -n "$c" ] && [ -f "$c" ]; then CORPUS="$c"; break; fi
done
[ -f "$CORPUS" ] || { echo "bench-e2e: no web.jsonl.gz corpus found (set CORPUS=...)" >&2; exit 2; }
mkdir -p "$T"; rm -rf "$T/out"; mkdir -p "$T/out"
IN="$T/web-x$COPIES.jsonl"
if [ ! -s "$IN" ]; then
  for _ in $(seq 1 "$COPIES"); do gzip -dc "$CORPUS"; done >"$IN"
fi
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./kiln stages >/dev/null   # builds the jar and the start-up cache if needed, outside the timings
if [ -n "${KILN_BASE:-}" ]; then "$KILN_BASE" stages >/dev/null; fi
REF=filters/src/test/resources/reference/reference_decisions.py
TEXT_MB=$(python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1], "rb"):
    try: n += len(json.loads(line)["text"].encode("utf-8"))
    except (ValueError, KeyError): pass
print(n / 1e6)' "$IN")
DOCS=$(grep -c . "$IN")
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/'), $(./kiln jdk), $(python3 --version)"
echo "input: $IN ($COPIES x $CORPUS): $(stat -c %s "$IN") bytes, $DOCS lines, $TEXT_MB MB of text"

# the reference chain, whole process: read JSONL, decide (C1..C6 then G0..G5, first failure wins), write
cat >"$T/ref_filter.py" <<'PY'
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("ref", sys.argv[1])
ref = importlib.util.module_from_spec(spec); spec.loader.exec_module(ref)
chain = ref.C4_CHAIN + ref.GLOBAL
with open(sys.argv[2], "rb") as f, open(sys.argv[3], "w", encoding="utf-8") as kept, \
        open(sys.argv[4], "w", encoding="utf-8") as rej:
    for line in f:
        try: rec = json.loads(line)
        except ValueError: continue
        d = ref.decide(rec["text"], chain)
        if d == "keep": kept.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else: rec["reason"] = d; rej.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY
# datasketch's MinHash LSH dedup, whole process: read, shingle, query then insert, write the kept records
cat >"$T/ds_dedup.py" <<'PY'
import json, re, sys
from datasketch import MinHash, MinHashLSH
lsh = MinHashLSH(threshold=0.85, num_perm=128)
with open(sys.argv[1], "rb") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, line in enumerate(f):
        try: rec = json.loads(line)
        except ValueError: continue
        words = re.findall(r"\w+", rec["text"].lower())
        m = MinHash(num_perm=128)
        m.update_batch(" ".join(words[k:k + 5]).encode("utf-8") for k in range(max(1, len(words) - 4)))
        if lsh.query(m): continue
        lsh.insert(str(i), m)
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY
HAVE_DS=0
if python3 -c 'import datasketch' 2>/dev/null; then HAVE_DS=1; else
  echo "datasketch: not importable in python3 (pip install datasketch); the dedup comparison is skipped, kiln dedup is still timed"
fi

printf 'what\trep\twall_s\tcpu_s\tmaxrss_mb\n' >"$T/runs.tsv"
run() { # name rep cmd...
  local name="$1" rep="$2"; shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$T/last.time" "$@" >"$T/out/$name.log" 2>&1 </dev/null \
    || { cat "$T/out/$name.log" >&2; exit 1; }
  awk -v n="$name" -v r="$rep" '{ printf "%s\t%s\t%.2f\t%.2f\t%.0f\n", n, r, $1, $2 + $3, $4 / 1024 }' \
    "$T/last.time" >>"$T/runs.tsv"
}
FILTER=(filter -q --source c4 --profile reference "$IN" -o "$T/out/kept.jsonl" --rejects "$T/out/rejects.jsonl")
DEDUP=(dedup -q "$IN" -o "$T/out/dedup.jsonl")
for r in $(seq 1 "$REPS"); do
  run filter:kiln "$r" ./kiln "${FILTER[@]}"
  if [ -n "${KILN_BASE:-}" ]; then run filter:kiln-base "$r" "$KILN_BASE" "${FILTER[@]}"; fi
  if [ "${C1:-1}" = 1 ]; then KILN_JAVA_OPTS=-XX:TieredStopAtLevel=1 run filter:kiln-c1 "$r" ./kiln "${FILTER[@]}"; fi
  run filter:python "$r" python3 "$T/ref_filter.py" "$REF" "$IN" "$T/out/py.kept.jsonl" "$T/out/py.rejects.jsonl"
  run dedup:kiln "$r" ./kiln "${DEDUP[@]}"
  if [ -n "${KILN_BASE:-}" ]; then run dedup:kiln-base "$r" "$KILN_BASE" "${DEDUP[@]}"; fi
  if [ "${C1:-1}" = 1 ]; then KILN_JAVA_OPTS=-XX:TieredStopAtLevel=1 run dedup:kiln-c1 "$r" ./kiln "${DEDUP[@]}"; fi
  if [ "$HAVE_DS" = 1 ]; then run dedup:datasketch "$r" python3 "$T/ds_dedup.py" "$IN" "$T/out/ds.jsonl"; fi
done
echo "kept: kiln $(grep -c . "$T/out/kept.jsonl"), python $(grep -c . "$T/out/py.kept.jsonl") of $DOCS; dedup kept: kiln $(grep -c . "$T/out/dedup.jsonl")$([ "$HAVE_DS" = 1 ] && echo ", datasketch $(grep -c . "$T/out/ds.jsonl")")"
echo "after: $(uptime | sed 's/.*load average/load average/')"
export TEXT_MB DOCS
python3 - "$T/runs.tsv" <<'PY'
import csv, os, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
mb, docs = float(os.environ["TEXT_MB"]), int(os.environ["DOCS"])
best = {}
for w in dict.fromkeys(r["what"] for r in rows):
    rs = [r for r in rows if r["what"] == w]
    best[w] = (len(rs), min(float(r["cpu_s"]) for r in rs), min(float(r["wall_s"]) for r in rs),
               min(float(r["maxrss_mb"]) for r in rs))
print(f"{'what':18} {'n':>2} {'CPU s':>7} {'wall s':>7} {'RSS MB':>7} {'MB/CPU-s':>9} {'docs/CPU-s':>10}  ratio (CPU)")
for w, (n, cpu, wall, rss) in best.items():
    base = {"filter": "filter:python", "dedup": "dedup:datasketch"}[w.split(":")[0]]
    ratio = f"{best[base][1] / cpu:.1f}x vs {base}" if base in best and base != w else ""
    print(f"{w:18} {n:>2} {cpu:7.2f} {wall:7.2f} {rss:7.0f} {mb / cpu:9.1f} {docs / cpu:10,.0f}  {ratio}")
PY
