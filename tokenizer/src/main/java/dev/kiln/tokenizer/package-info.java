/**
 * BPE tokenizers in the SentencePiece format: trained in Java, applied through SentencePiece itself.
 *
 * <h2>Training</h2>
 * <pre>{@code
 * TrainerConfig cfg = TrainerConfig.reference(32000).threads(8).build();   // or golf(1024), builder(n)
 * BpeTrainer trainer = BpeTrainer.create(cfg);
 * try (DocumentSource src = FileSource.of(files, ReadOptions.DEFAULT, BadRecords.lenient())) {
 *     trainer.addAll(src);                 // words counted on 8 threads as documents stream in
 * }
 * TrainResult result = trainer.train();    // merges; same model bytes for any thread count
 * result.write(dir);                       // spm.model, spm.vocab, tokenizer_meta.json
 * }</pre>
 * {@link dev.kiln.tokenizer.BpeTrainer} normalises each document ({@link dev.kiln.tokenizer.Normalization},
 * then SentencePiece's whitespace rules), splits it into words before each {@code ▁} and around runs of
 * newlines, and counts the words. {@link dev.kiln.tokenizer.BpeMerger} (package-private) then merges with
 * a pair index and a lazy max-heap, touching only the words that hold the chosen pair. The result is a
 * {@link dev.kiln.tokenizer.SentencePieceModel}, SentencePiece's {@code ModelProto} written by hand in the
 * protobuf wire format: {@code spm_encode}, DJL and HF converters load it.
 *
 * <p>Differences from {@code spm_train}, on purpose: documents, not lines, are the unit (newlines can
 * become pieces, long documents are never skipped); the merge order is exact greedy (spm scans an
 * approximate active set); frequency counts overlapping pairs as spm ≥ 0.1.98 does.
 *
 * <h2>Encoding</h2>
 * <pre>{@code
 * try (Encoder enc = Encoder.load(dir)) {            // SentencePiece through JNI
 *     int[] ids = enc.encode("Hello world\n");
 *     int[][] all = enc.encodeAll(texts, 8);          // input order, any thread count
 * }
 * }</pre>
 * {@link dev.kiln.tokenizer.Encoder} uses SentencePiece's JNI by default, and optionally kiln's Java port
 * of the same algorithm ({@link dev.kiln.tokenizer.Encoder.Backend#JAVA}), tested id-identical. Decoding is
 * done in Java because DJL's native decode truncates at non-BMP characters.
 *
 * <p>The golf byte-level tokenizer needs no training: {@link dev.kiln.tokenizer.TrainResult#writeByteLevel}.
 */
package dev.kiln.tokenizer;
