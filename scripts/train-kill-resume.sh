#!/bin/bash
# Kills kiln train with SIGKILL, resumes it, and compares metrics.jsonl and every file of final/ with an
# uninterrupted run of the same config. Usage: DATA=kiln-demo-out/data scripts/train-kill-resume.sh
# (runs in /tmp/kiln-kill-test). Result recorded in docs/benchmarks/train.md.
#
# KILL_AT picks the kill point: a step number (default 100: mid-training, after the step's log line), or
# `export`: during the final export, as soon as final.tmp/ appears (the last step's checkpoint is saved
# by then; the resume must redo the export and write the same bytes). The export of the tiny model takes
# well under a second, so the script says where the kill actually landed.
cd "$(dirname "$0")/.."
KILL_AT="${KILL_AT:-100}"
A="--data ${DATA:?set DATA to a kiln prepare folder} --model tiny --steps 160 --batch 8 --seq 64 --lr 2e-3 --warmup 20 --eval-interval 40 --save-interval 40 --log-interval 10 --microset-steps 0 --threads 2"
T=/tmp/kiln-kill-test
mkdir -p $T; rm -rf $T/ru $T/rk
./kiln train $A -o $T/ru > $T/ru.log 2>&1
./kiln train $A -o $T/rk > $T/rk.log 2>&1 &
PID=$!
if [ "$KILL_AT" = export ]; then
  until [ -e $T/rk/final.tmp ] || [ -e $T/rk/final ] || ! kill -0 $PID 2>/dev/null; do :; done
else
  while ! grep -q "step $KILL_AT/160" $T/rk.log 2>/dev/null; do sleep 0.2; done
fi
echo "killing java $PID (the launcher execs it) at: $(grep -c '^step' $T/rk.log) log lines"
kill -9 $PID
wait $PID
echo "exit $?"
ls $T/rk
if [ "$KILL_AT" = export ]; then
  if [ -e $T/rk/final ]; then echo "kill landed AFTER the export (final/ complete): rerun"; else echo "kill landed during the export: $(ls $T/rk/final.tmp 2>/dev/null | tr '\n' ' ')"; fi
fi
./kiln train $A --resume -o $T/rk >> $T/rk.log 2>&1
python3 - <<'PY'
import json
a=[json.loads(l) for l in open('/tmp/kiln-kill-test/ru/metrics.jsonl')]
b=[json.loads(l) for l in open('/tmp/kiln-kill-test/rk/metrics.jsonl')]
print(len(a), len(b))
print("steps equal", [x['step'] for x in a]==[x['step'] for x in b])
print("loss equal", [x['loss'] for x in a]==[x['loss'] for x in b])
print("val equal", [x.get('val_loss') for x in a]==[x.get('val_loss') for x in b])
print([ (x['step'],x['loss']) for x in b][-3:])
s=json.load(open('/tmp/kiln-kill-test/rk/final/state.json'))
print("final state.json val_loss", s.get('val_loss'), "val_bpb", s.get('val_bpb'))
PY
ok=1
for f in $(ls $T/ru/final); do
  cmp $T/ru/final/$f $T/rk/final/$f || ok=0
done
[ "$(ls $T/ru/final)" = "$(ls $T/rk/final)" ] || { echo "final/ holds different files"; ok=0; }
[ $ok = 1 ] && echo "final/ byte-identical: $(ls $T/ru/final | tr '\n' ' ')"
