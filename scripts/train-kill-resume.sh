#!/bin/bash
# Kills kiln train with SIGKILL mid-run, resumes it, and compares metrics.jsonl and final weights with an
# uninterrupted run of the same config. Usage: DATA=kiln-demo-out/data scripts/train-kill-resume.sh
# (runs in /tmp/kiln-kill-test). Result recorded in docs/benchmarks/train.md.
cd "$(dirname "$0")/.."
A="--data ${DATA:?set DATA to a kiln prepare folder} --model tiny --steps 160 --batch 8 --seq 64 --lr 2e-3 --warmup 20 --eval-interval 40 --save-interval 40 --log-interval 10 --microset-steps 0 --threads 2"
mkdir -p /tmp/kiln-kill-test; rm -rf /tmp/kiln-kill-test/ru /tmp/kiln-kill-test/rk
./kiln train $A -o /tmp/kiln-kill-test/ru > /tmp/kiln-kill-test/ru.log 2>&1
./kiln train $A -o /tmp/kiln-kill-test/rk > /tmp/kiln-kill-test/rk.log 2>&1 &
PID=$!
while ! grep -q "step 100/160" /tmp/kiln-kill-test/rk.log 2>/dev/null; do sleep 0.2; done
JPID=$PID
echo "killing java $JPID (launcher $PID) at: $(grep -c '^step' /tmp/kiln-kill-test/rk.log) log lines"
kill -9 $JPID
wait $PID
echo "exit $?"
ls /tmp/kiln-kill-test/rk
./kiln train $A --resume -o /tmp/kiln-kill-test/rk >> /tmp/kiln-kill-test/rk.log 2>&1
python3 - <<'PY'
import json
a=[json.loads(l) for l in open('/tmp/kiln-kill-test/ru/metrics.jsonl')]
b=[json.loads(l) for l in open('/tmp/kiln-kill-test/rk/metrics.jsonl')]
print(len(a), len(b))
print("steps equal", [x['step'] for x in a]==[x['step'] for x in b])
print("loss equal", [x['loss'] for x in a]==[x['loss'] for x in b])
print("val equal", [x.get('val_loss') for x in a]==[x.get('val_loss') for x in b])
print([ (x['step'],x['loss']) for x in b][-3:])
PY
cmp /tmp/kiln-kill-test/ru/final/model.safetensors /tmp/kiln-kill-test/rk/final/model.safetensors && echo "final weights byte-identical"
