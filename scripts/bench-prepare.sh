#!/usr/bin/env bash
# End-to-end `kiln prepare` benchmark on the shared development corpora (web, wiki, gutenberg, wikidata):
# wall time, peak RSS, input MB/s, output tokens/s and seconds per step (from data_meta.json).
# Usage: scripts/bench-prepare.sh [CORPORA_DIR] [OUT_DIR]   (default ../shared/corpora, /tmp/kiln-bench-prepare)
# ENCODER=jni compares SentencePiece's own encoder with the default (java, kiln's exact BPE).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPORA="${1:-$ROOT/../shared/corpora}"
OUT="${2:-/tmp/kiln-bench-prepare}"
[ -d "$CORPORA" ] || { echo "no corpora at $CORPORA" >&2; exit 2; }
"$ROOT/kiln" build
IN_BYTES=$(du -cb "$CORPORA/web.jsonl.gz" "$CORPORA/wiki.jsonl.gz" "$CORPORA/gutenberg" "$CORPORA/wikidata/triples.tsv.gz" | tail -1 | cut -f1)
LOG="$(mktemp)"
/usr/bin/time -v "$ROOT/kiln" prepare -q --overwrite \
  --c4 "$CORPORA/web.jsonl.gz" --wikipedia "$CORPORA/wiki.jsonl.gz" --gutenberg "$CORPORA/gutenberg" \
  --wikidata "$CORPORA/wikidata/triples.tsv.gz" --vocab-size 8192 \
  --train-tokens 4000000 --val-tokens 200000 --format both --encoder "${ENCODER:-java}" -o "$OUT" 2> >(tee "$LOG" >&2)
python3 - "$OUT/data_meta.json" "$LOG" "$IN_BYTES" <<'PY'
import json, re, sys
meta = json.load(open(sys.argv[1])); log = open(sys.argv[2]).read(); in_bytes = int(sys.argv[3])
wall = log.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].split("\n")[0]
parts = [float(x) for x in wall.split(":")]; secs = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", log).group(1))
cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", log).group(1)) + float(re.search(r"System time \(seconds\): ([\d.]+)", log).group(1))
tokens = meta["splits"]["train"]["tokens"] + meta["splits"]["val"]["tokens"]
print(f"wall {secs:.1f} s, CPU {cpu:.1f} s, peak RSS {rss/1024:.0f} MB")
print(f"input {in_bytes/1e6:.1f} MB (compressed): {in_bytes/1e6/secs:.2f} MB/s; output {tokens:,} tokens: {tokens/secs:,.0f} tokens/s")
st = meta["steps"]  # seconds per resumable step: clean-<source>-NNNNN, dedup, tokenizer, spill-<source>
steps = {f"clean {k}": round(sum(v for n, v in st.items() if n.startswith(f"clean-{k}-")), 3) for k in meta["clean"]}
steps["dedup"] = st.get("dedup")
steps["tokenizer"] = st.get("tokenizer")
steps["tokenize+spill"] = round(sum(v for n, v in st.items() if n.startswith("spill-")), 3)
steps["assemble"] = meta.get("assemble_seconds")
for k, v in steps.items():
    print(f"  {k:<18} {v} s")
PY
