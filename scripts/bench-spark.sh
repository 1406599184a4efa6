#!/usr/bin/env bash
# kiln spark prepare (local[N]) against the single-JVM kiln prepare on the same prepare.yaml, interleaved,
# with /usr/bin/time: wall, CPU, peak RSS, documents/s and MB/s of input per core; checks that both runs
# wrote the same shards and tokenizer (sha256). Issue #13; figures go to BENCHMARKS.md.
#
#   scripts/bench-spark.sh [CONFIG=examples/prepare.yaml] [REPS=2] [MASTER=local[2]]
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIG="${1:-examples/prepare.yaml}"
REPS="${2:-2}"
MASTER="${3:-local[2]}"
CORES="$(echo "$MASTER" | sed -n 's/^local\[\([0-9]*\).*/\1/p')"; CORES="${CORES:-$(nproc)}"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
./kiln build >/dev/null 2>&1 || true
./kiln spark prepare --help >/dev/null   # builds the Spark module once, outside the timings

run() { # name command...
  local name="$1"; shift
  rm -rf "$WORK/$name"
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/$name.time" "$@" -o "$WORK/$name" >"$WORK/$name.log" 2>&1 || { cat "$WORK/$name.log"; exit 1; }
  read -r wall user sys rss <"$WORK/$name.time"
  python3 - "$WORK/$name/data_meta.json" "$name" "$wall" "$user" "$sys" "$rss" "$CORES" <<'PY'
import json, sys
meta, name, wall, user, sys_, rss, cores = sys.argv[1], sys.argv[2], *map(float, sys.argv[3:7]), int(sys.argv[7])
m = json.load(open(meta))
docs = sum(v.get("docs_read") or 0 for v in m["clean"].values())
mb = sum(f.get("bytes") or 0 for f in m["inputs"]) / 1e6 if isinstance(m.get("inputs"), list) else float("nan")
cpu = user + sys_
print(f"{name:14s} wall {wall:6.1f} s  CPU {cpu:6.1f} s  RSS {rss/1024:5.0f} MB  {docs/wall:8.0f} docs/s  "
      f"{docs/wall/cores:8.0f} docs/s/core  {mb/wall/cores:5.2f} MB/s/core (input {mb:.1f} MB, {docs} docs)")
PY
}

echo "config $CONFIG, $REPS interleaved repetitions, Spark master $MASTER ($CORES cores); machine: $(nproc) cores"
for i in $(seq 1 "$REPS"); do
  KILN_NO_BUILD=1 run "local-$i" ./kiln prepare -q --config "$CONFIG" --threads "$CORES"
  KILN_NO_BUILD=1 run "spark-$i" ./kiln spark prepare --config "$CONFIG" --master "$MASTER"
done
for f in train.bin val.bin tokenizer/spm.model; do
  [ -f "$WORK/local-1/$f" ] || continue
  a=$(sha256sum <"$WORK/local-1/$f"); b=$(sha256sum <"$WORK/spark-1/$f")
  [ "$a" = "$b" ] && echo "identical: $f" || { echo "DIFFERENT: $f"; exit 1; }
done
