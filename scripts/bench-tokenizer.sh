#!/usr/bin/env bash
# Side-by-side benchmark (not a CI test): SentencePiece's spm_train/spm_encode (Debian package) vs kiln's
# Java BPE trainer and its JNI encoder, on the same corpus with matching options:
#   --model_type=bpe --byte_fallback=true --split_digits=true --character_coverage=0.9995
#   --normalization_rule_name=identity --max_sentence_length=16384 (so spm does not skip the corpus's
#   long lines; kiln never skips) — kiln: the same options, one document per line.
# For each vocabulary size it reports wall and user seconds and peak RSS of training (/usr/bin/time -v),
# bytes of UTF-8 per token on the held-out file, and encoding throughput (spm_encode single-threaded on
# train+heldout including process start; kiln in-process on 1 and 2 threads through SentencePiece JNI).
# It also checks that spm_encode itself loads kiln's model and gives the same token count.
# At vocabulary 30000 it adds Hugging Face `tokenizers` (npm package tokenizers@0.23.2, Rust inside, installed
# under $OUT/hf with the machine's npm when Node.js is present): its Node binding trains only with BpeTrainer's
# defaults, whose vocabulary is 30000 (scripts/hf-tokenizers.js; SentencePiece's split digits + Metaspace).
#
# Usage: scripts/bench-tokenizer.sh [SIZES...]       (default: 1024 4096 8192 30000 32000)
# Env:   CORPUS=dir with train.txt and heldout.txt (default ../shared/corpora/tokenizer)
#        OUT=work dir (default /tmp/kiln-bench-tokenizer)
#        KILN_BENCH_JVM=JVM options for kiln's training run (default: 40 MB heap, serial GC, C1 only — see
#        docs/benchmarks/tokenizer.md); KILN_BENCH_ENC_JVM=options for the encoding runs (default none)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORPUS="${CORPUS:-$ROOT/../shared/corpora/tokenizer}"
[ -f "$CORPUS/train.txt" ] || CORPUS=/work/shared/corpora/tokenizer
OUT="${OUT:-/tmp/kiln-bench-tokenizer}"
JVM_OPTS="${KILN_BENCH_JVM:--XX:+UseSerialGC -Xmx40m -XX:TieredStopAtLevel=1}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"   # fewer glibc malloc arenas: less RSS for the JVM, no effect on spm
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(1024 4096 8192 30000 32000)

if ! command -v spm_train >/dev/null 2>&1; then
  echo "installing Debian's sentencepiece package..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y sentencepiece >/dev/null; else sudo apt-get install -y sentencepiece >/dev/null; fi
fi
KILN_NO_BUILD= "$ROOT/kiln" --version >/dev/null   # builds the jar if sources changed
JAVA="$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)"
if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then JAVA="$JAVA_HOME/bin/java"; fi
KILN=("$JAVA" "@$ROOT/cli/target/kiln.argfile" $JVM_OPTS -cp "$ROOT/cli/target/kiln.jar" dev.kiln.tokenizer.TokenizerBench)
# encoding holds the whole text and its ids in memory (spm_encode streams): no heap cap there
KILN_ENC=("$JAVA" "@$ROOT/cli/target/kiln.argfile" ${KILN_BENCH_ENC_JVM:-} -cp "$ROOT/cli/target/kiln.jar" dev.kiln.tokenizer.TokenizerBench)

mkdir -p "$OUT"
HF_VERSION=0.23.2; HF_DIR="$OUT/hf/node_modules/tokenizers"; HF_JS="$ROOT/scripts/hf-tokenizers.js"
if command -v node >/dev/null 2>&1 && [ ! -f "$HF_DIR/package.json" ]; then
  echo "installing Hugging Face tokenizers@$HF_VERSION from npm into $OUT/hf..." >&2
  npm install --silent --no-audit --no-fund --prefix "$OUT/hf" "tokenizers@$HF_VERSION" >&2 || echo "WARNING: npm install tokenizers failed; no Hugging Face row" >&2
fi
TRAIN="$CORPUS/train.txt"; HELD="$CORPUS/heldout.txt"; ALL="$OUT/all.txt"
cat "$TRAIN" "$HELD" > "$ALL"
HELD_BYTES=$(stat -c %s "$HELD"); ALL_BYTES=$(stat -c %s "$ALL")

secs() { # "h:mm:ss" or "m:ss.xx" -> seconds
  awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }' <<<"$1"
}
timev() { # runs "$@" under /usr/bin/time -v; prints "wall user rss_mb"
  local log; log="$(mktemp)"
  /usr/bin/time -v "$@" >"$log.out" 2>"$log" || { cat "$log" "$log.out" >&2; exit 1; }
  local wall user rss
  wall=$(secs "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")")
  user=$(sed -n 's/.*User time (seconds): //p' "$log")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  cat "$log.out" >> "$OUT/kiln-out.log"
  rm -f "$log" "$log.out"
  echo "$wall $user $(awk -v k="$rss" 'BEGIN{printf "%.1f", k/1024}')"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg); spm $(dpkg-query -W -f='${Version}' sentencepiece 2>/dev/null); kiln JVM: $JVM_OPTS"
echo
echo "| vocab | tool | train wall s | train user s | peak RSS MB | heldout tokens | bytes/token | encode MB/s (1 thr) | encode MB/s (2 thr) | Java encoder MB/s (1 thr) | Java encoder MB/s (2 thr) |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for V in "${SIZES[@]}"; do
  D="$OUT/$V"; mkdir -p "$D/spm" "$D/kiln"
  # --- SentencePiece
  read -r w u r < <(cd "$D/spm" && timev spm_train --input="$TRAIN" --model_prefix=bpe --model_type=bpe --vocab_size="$V" \
      --byte_fallback=true --split_digits=true --character_coverage=0.9995 --normalization_rule_name=identity \
      --max_sentence_length=16384 --minloglevel=2)
  spm_encode --model="$D/spm/bpe.model" --output_format=id --input="$HELD" --output="$D/spm/heldout.ids"
  st=$(wc -w < "$D/spm/heldout.ids")
  s0=$(date +%s.%N); spm_encode --model="$D/spm/bpe.model" --output_format=id --input="$ALL" --output="$D/spm/all.ids"; s1=$(date +%s.%N)
  smbs=$(awk -v b="$ALL_BYTES" -v a="$s0" -v z="$s1" 'BEGIN{printf "%.2f", b/1e6/(z-a)}')
  printf "| %s | spm_train/spm_encode | %s | %s | %s | %s | %.4f | %s | — | — | — |\n" "$V" "$w" "$u" "$r" "$st" "$(awk -v b="$HELD_BYTES" -v t="$st" 'BEGIN{print b/t}')" "$smbs"
  # --- kiln
  read -r w u r < <(timev "${KILN[@]}" train "$TRAIN" "$V" "$D/kiln" 2 identity)
  enc="$("${KILN_ENC[@]}" encode "$D/kiln/spm.model" "$HELD" 2 1)"
  kt=$(sed -n 's/^tokens=//p' <<<"$enc")
  thr="$("${KILN_ENC[@]}" encode "$D/kiln/spm.model" "$ALL" 2 3)"
  k1=$(sed -n 's/^jni_encode_mb_per_s_threads_1=//p' <<<"$thr"); k2=$(sed -n 's/^jni_encode_mb_per_s_threads_2=//p' <<<"$thr")
  j1=$(sed -n 's/^java_encode_mb_per_s_threads_1=//p' <<<"$thr"); j2=$(sed -n 's/^java_encode_mb_per_s_threads_2=//p' <<<"$thr")
  dj=$(sed -n 's/^java_lines_differing=//p' <<<"$thr")
  [ "$dj" = 0 ] || echo "WARNING: Java encoder differs from SentencePiece JNI on $dj lines (vocab $V)" >&2
  printf "| %s | kiln | %s | %s | %s | %s | %.4f | %.2f | %.2f | %.2f | %.2f |\n" "$V" "$w" "$u" "$r" "$kt" "$(awk -v b="$HELD_BYTES" -v t="$kt" 'BEGIN{print b/t}')" "$k1" "$k2" "$j1" "$j2"
  # spm_encode must load kiln's model and agree with kiln's JNI encoder
  spm_encode --model="$D/kiln/spm.model" --output_format=id --input="$HELD" --output="$D/kiln/heldout.spm.ids"
  ct=$(wc -w < "$D/kiln/heldout.spm.ids")
  [ "$ct" = "$kt" ] || echo "WARNING: spm_encode gives $ct tokens with kiln's $V model, kiln's encoder $kt" >&2
  # --- Hugging Face tokenizers (its Node binding trains at 30000 only)
  if [ "$V" = 30000 ] && [ -f "$HF_DIR/package.json" ]; then
    export HF_TOKENIZERS="$HF_DIR"
    read -r w u r < <(RAYON_NUM_THREADS=2 timev node "$HF_JS" train "$TRAIN" "$D/hf/tokenizer.json")
    hv=$(RAYON_NUM_THREADS=1 node "$HF_JS" encode "$D/hf/tokenizer.json" "$HELD" 1)
    ht=$(sed -n 's/^tokens=//p' <<<"$hv")
    echo "Hugging Face: $(sed -n "s/^lines_losing_characters=//p" <<<"$hv") held-out lines with a character under no token (no byte fallback)" >&2
    h1=$(RAYON_NUM_THREADS=1 node "$HF_JS" encode "$D/hf/tokenizer.json" "$ALL" 3 | sed -n 's/^encode_mb_per_s=//p')
    h2=$(RAYON_NUM_THREADS=2 node "$HF_JS" encode "$D/hf/tokenizer.json" "$ALL" 3 | sed -n 's/^encode_mb_per_s=//p')
    printf "| %s | Hugging Face tokenizers %s | %s | %s | %s | %s | %.4f | %s | %s | — | — |\n" "$V" "$HF_VERSION" "$w" "$u" "$r" "$ht" "$(awk -v b="$HELD_BYTES" -v t="$ht" 'BEGIN{print b/t}')" "$h1" "$h2"
  fi
done
