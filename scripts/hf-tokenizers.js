// Hugging Face `tokenizers` (npm package of the same name, Rust inside) as a benchmark anchor for
// scripts/bench-tokenizer.sh; not part of kiln. Prints key=value lines like TokenizerBench.
//
//   node hf-tokenizers.js train TRAIN.txt OUT.json      BPE trained with the binding's only trainer
//   node hf-tokenizers.js encode MODEL.json TEXT.txt [repeats]   one line = one input, as spm_encode
//
// The Node binding's Tokenizer.train(files) takes no trainer options: it uses BpeTrainer's defaults,
// vocabulary 30000, no special tokens, no character coverage. The pre-tokenizer is SentencePiece's
// layout: digits split one by one, then Metaspace ("▁" for spaces, prepended to the first word).
// RAYON_NUM_THREADS sets the encoder's (and trainer's) threads.
'use strict';
const fs = require('fs');
const path = require('path');
const { Tokenizer, BPE, sequencePreTokenizer, digitsPreTokenizer, metaspacePreTokenizer } =
  require(process.env.HF_TOKENIZERS || 'tokenizers');

function lines(file) {
  const text = fs.readFileSync(file, 'utf8');
  const all = text.split('\n');
  if (all.length && all[all.length - 1] === '') all.pop();
  return all;
}

async function main() {
  const [cmd, a, b, reps] = process.argv.slice(2);
  if (cmd === 'train') {
    const t = new Tokenizer(BPE.empty());
    t.setPreTokenizer(sequencePreTokenizer([digitsPreTokenizer(true), metaspacePreTokenizer()]));
    const t0 = process.hrtime.bigint();
    t.train([a]);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    fs.mkdirSync(path.dirname(b), { recursive: true });
    t.save(b);
    console.log(`train_seconds=${(ms / 1000).toFixed(3)}`);
    console.log(`vocab=${t.getVocabSize()}`);
  } else if (cmd === 'encode') {
    const t = Tokenizer.fromFile(a);
    const input = lines(b);
    const bytes = fs.statSync(b).size;
    let best = Infinity, tokens = 0, unknown = 0;
    for (let r = 0; r < Number(reps || 3); r++) {
      const t0 = process.hrtime.bigint();
      const enc = await t.encodeBatch(input);
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      best = Math.min(best, s);
      if (r === 0) {
        for (const e of enc) tokens += e.getLength();
        // characters outside the trained alphabet are dropped (no byte fallback): count the lines where a
        // non-space character lies under no token's offsets
        for (let i = 0; i < enc.length; i++) {
          const covered = new Uint8Array(input[i].length);
          for (const o of enc[i].getOffsets()) covered.fill(1, o[0], o[1]);
          for (let k = 0; k < input[i].length; k++) {
            if (!covered[k] && !/\s/.test(input[i][k])) { unknown++; break; }
          }
        }
      }
    }
    console.log(`tokens=${tokens}`);
    console.log(`lines_losing_characters=${unknown}`);
    console.log(`encode_mb_per_s=${(bytes / 1e6 / best).toFixed(2)}`);
  } else {
    console.error('usage: hf-tokenizers.js train TRAIN.txt OUT.json | encode MODEL.json TEXT.txt [repeats]');
    process.exit(2);
  }
}

main().catch((e) => { console.error(String(e)); process.exit(1); });
