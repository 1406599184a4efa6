#!/usr/bin/env bash
# spark/target/kiln-spark.jar as spark-submit runs it: on the class path of a Spark distribution (spark-sql
# and everything it brings: Jackson, SnakeYAML, DataSketches, Parquet, Arrow in Spark's own versions, which
# kiln's shaded jar must not clash with), once with Spark's jars first (spark-submit's default) and once
# with kiln's jar first (spark.{driver,executor}.userClassPathFirst). kiln.spark.PrepareJob in local[2] on
# the bundled sample (JSONL, text folder, Wikidata TSV) and on Parquet + Arrow copies of two sources must
# write kiln prepare's train.bin, val.bin, manifest.json and tokenizer, byte for byte. Issue #13.
#
#   scripts/check-spark-submit.sh        (run by .ci/run; the first run downloads spark-sql's jars, ~60 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
JDK="$(./kiln jdk | sed 's/ (Java.*//')"
export JAVA_HOME="$JDK"
SPARK_VERSION="$(sed -n 's|.*<spark.version>\(.*\)</spark.version>.*|\1|p' pom.xml)"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT

./kiln build >/dev/null
echo "check-spark-submit: building spark/target/kiln-spark.jar" >&2
(mvn -B -ntp -q -DskipTests -pl spark -am package >"$WORK/build.log" 2>&1) || { cat "$WORK/build.log"; exit 1; }

# the class path of a Spark distribution, without kiln
mkdir -p "$WORK/dist"
cat >"$WORK/dist/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>dev.kiln.check</groupId><artifactId>spark-distribution</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId><version>$SPARK_VERSION</version></dependency></dependencies>
</project>
POM
(mvn -B -ntp -q -f "$WORK/dist/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/spark.cp" >"$WORK/dist.log" 2>&1) \
  || { cat "$WORK/dist.log"; exit 1; }
SPARK_CP="$(cat "$WORK/spark.cp")"
if grep -q "dev/kiln" <<<"$SPARK_CP"; then echo "check-spark-submit: kiln on the distribution class path" >&2; exit 1; fi

# Parquet and Arrow copies of the web and wiki sources
mkdir -p "$WORK/columnar"
./kiln convert -q sample/web.jsonl.gz -o "$WORK/columnar/web.parquet"
./kiln convert -q sample/wiki.jsonl.gz -o "$WORK/columnar/wiki.arrow"
cat >"$WORK/columnar/prepare.yaml" <<YAML
sources:
  - name: c4
    inputs: [web.parquet]
    weight: 0.6
  - name: wikipedia
    inputs: [wiki.arrow]
    weight: 0.4
train_tokens: 100000
val_tokens: 10000
tokenizer_training:
  vocab_size: 1024
YAML

status=0
for cfg in "$ROOT/examples/prepare.yaml" "$WORK/columnar/prepare.yaml"; do
  name="$(basename "$(dirname "$cfg")")"
  ./kiln prepare -q --config "$cfg" -o "$WORK/$name-local" >"$WORK/$name-local.log" 2>&1 || { cat "$WORK/$name-local.log"; exit 1; }
  for order in spark-first jar-first; do
    if [ "$order" = spark-first ]; then cp="$SPARK_CP:spark/target/kiln-spark.jar"; else cp="spark/target/kiln-spark.jar:$SPARK_CP"; fi
    out="$WORK/$name-$order"
    if ! SPARK_LOCAL_IP=127.0.0.1 "$JDK/bin/java" --enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -cp "$cp" dev.kiln.spark.PrepareJob --config "$cfg" -o "$out" --master 'local[2]' \
        >"$out.log" 2>&1; then
      echo "FAILED: $name, $order:"; grep -E "^(Exception|Caused by)|kiln spark prepare:" "$out.log" | head -5; status=1; continue
    fi
    for f in train.bin val.bin manifest.json tokenizer/spm.model; do
      [ -f "$WORK/$name-local/$f" ] || continue
      if cmp -s "$WORK/$name-local/$f" "$out/$f"; then echo "identical: $name $order $f"; else echo "DIFFERENT: $name $order $f"; status=1; fi
    done
  done
done
exit $status
