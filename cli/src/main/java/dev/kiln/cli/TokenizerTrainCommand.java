package dev.kiln.cli;

import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.Inputs;
import dev.kiln.tokenizer.Normalization;
import dev.kiln.tokenizer.SpecialTokens;
import dev.kiln.tokenizer.TrainJob;
import dev.kiln.tokenizer.TrainResult;
import dev.kiln.tokenizer.TrainerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiln tokenizer train}: options map onto {@link TrainerConfig}; the work is {@link TrainJob}. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a SentencePiece BPE model (spm.model, spm.vocab, tokenizer_meta.json) in Java.",
            "Options left unset take the preset's value; names follow spm_train."})
final class TokenizerTrainCommand implements Callable<Integer> {

    @Option(names = {"-i", "--input"}, paramLabel = "IN", arity = "1..*",
            description = "Input files, globs, directories or @list files (JSONL and the other kiln formats; text with --lines).")
    List<String> inputs = List.of();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Directory for the tokenizer files.")
    Path output;

    @Option(names = "--vocab-size", paramLabel = "N", description = "Total pieces, meta and byte pieces included (required unless --preset byte260).")
    Integer vocabSize;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "reference",
            description = "reference (unk 0, <s> 1, </s> 2, <pad> 3; identity; dummy prefix), golf (pad 0, bos 1, eos 2, unk 3; NFKC; digits split), spm (spm_train defaults), or byte260 (golf's byte-level tokenizer, no training). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--lines", description = "Read inputs as plain text, one document per line (as spm_train does).")
    boolean lines;

    @Option(names = "--character-coverage", paramLabel = "F", description = "Share of characters the alphabet covers, [0.98, 1].")
    Double characterCoverage;

    @Option(names = "--byte-fallback", paramLabel = "BOOL", arity = "1", description = "Add the 256 <0xNN> pieces.")
    Boolean byteFallback;

    @Option(names = "--split-digits", paramLabel = "BOOL", arity = "1", description = "Every digit is its own piece.")
    Boolean splitDigits;

    @Option(names = "--add-dummy-prefix", paramLabel = "BOOL", arity = "1", description = "Prepend ▁ to each document.")
    Boolean addDummyPrefix;

    @Option(names = "--remove-extra-whitespaces", paramLabel = "BOOL", arity = "1", description = "Drop leading/trailing spaces and collapse runs.")
    Boolean removeExtraWhitespaces;

    @Option(names = "--max-sentencepiece-length", paramLabel = "N", description = "Longest piece in characters, [1, 512].")
    Integer maxPieceLength;

    @Option(names = "--normalization", paramLabel = "NAME", description = "identity, nfkc or nmt_nfkc (applied by kiln and recorded).")
    String normalization;

    @Option(names = "--user-defined-symbols", paramLabel = "S", split = ",", description = "Pieces always kept whole.")
    List<String> userDefined;

    @Option(names = "--control-symbols", paramLabel = "S", split = ",", description = "Extra control pieces.")
    List<String> control;

    @Option(names = "--hard-vocab-limit", paramLabel = "BOOL", arity = "1", description = "Fail if the corpus cannot fill the vocabulary.")
    Boolean hardVocabLimit;

    @Option(names = "--input-sentence-size", paramLabel = "N", defaultValue = "0",
            description = "Train on a seeded reservoir sample of N documents; 0 = all (default).")
    long maxDocuments;

    @Option(names = "--special-ids", paramLabel = "UNK,BOS,EOS,PAD", split = ",",
            description = "Override the preset's special ids (-1 disables bos/eos/pad).")
    List<Integer> specialIds;

    @Mixin
    InputOptions in;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if (preset.toLowerCase(Locale.ROOT).equals("byte260")) {
            TrainResult.writeByteLevel(output);
            System.out.println("wrote the byte260 tokenizer (260 ids: pad 0, bos 1, eos 2, unk 3, byte b = b + 4) to " + output);
            return 0;
        }
        if (vocabSize == null) {
            throw new IllegalArgumentException("--vocab-size is required");
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("--input is required");
        }
        TrainerConfig.Builder b = TrainerConfig.preset(preset, vocabSize).seed(common.seed)
                .threads(common.threads > 0 ? common.threads : Runtime.getRuntime().availableProcessors())
                .maxDocuments(maxDocuments);
        if (characterCoverage != null) b.characterCoverage(characterCoverage);
        if (byteFallback != null) b.byteFallback(byteFallback);
        if (splitDigits != null) b.splitDigits(splitDigits);
        if (addDummyPrefix != null) b.addDummyPrefix(addDummyPrefix);
        if (removeExtraWhitespaces != null) b.removeExtraWhitespaces(removeExtraWhitespaces);
        if (maxPieceLength != null) b.maxPieceLength(maxPieceLength);
        if (normalization != null) b.normalization(Normalization.parse(normalization));
        if (userDefined != null) b.userDefinedSymbols(userDefined);
        if (control != null) b.controlSymbols(control);
        if (hardVocabLimit != null) b.hardVocabLimit(hardVocabLimit);
        TrainerConfig cfg = b.build();
        if (specialIds != null) {
            if (specialIds.size() != 4) {
                throw new IllegalArgumentException("--special-ids needs 4 ids (unk,bos,eos,pad): " + specialIds);
            }
            SpecialTokens s = cfg.specials();
            cfg = rebuild(cfg, new SpecialTokens(specialIds.get(0), specialIds.get(1), specialIds.get(2), specialIds.get(3),
                    s.unkPiece(), s.bosPiece(), s.eosPiece(), s.padPiece()));
        }
        BadRecords bad = new BadRecords(common.strict, common.allowEmpty, System.err::println);
        java.util.List<Path> files = Inputs.expand(inputs);
        for (String f : java.util.List.of(TrainResult.MODEL_FILE, TrainResult.VOCAB_FILE, TrainResult.META_FILE)) {
            dev.kiln.core.io.PathGuard.checkOutput(files, output.resolve(f));
        }
        TrainResult r = TrainJob.run(cfg, files, in.readOptions(), lines, bad, output);
        if (common.meta != null) {
            // the model's own tokenizer_meta.json is always written; --meta adds a run record like other verbs
            dev.kiln.core.pipeline.RunMetadata meta = new dev.kiln.core.pipeline.RunMetadata("tokenizer train",
                    dev.kiln.core.pipeline.KilnVersion.get());
            meta.put("config", Map.of("vocab_size", cfg.vocabSize(), "preset", preset, "seed", cfg.seed(),
                    "normalization", cfg.normalization().id()));
            meta.files("inputs", files);
            meta.put("tokenizer", r.stats());
            meta.put("bad_records", bad.countsByKind());
            meta.files("outputs", java.util.List.of(output.resolve(TrainResult.MODEL_FILE), output.resolve(TrainResult.VOCAB_FILE),
                    output.resolve(TrainResult.META_FILE)));
            meta.write(common.meta);
        }
        if (!common.quiet) {
            Map<String, Object> s = r.stats();
            System.out.printf(Locale.ROOT, "trained %,d pieces (%,d merges, alphabet %,d) from %,d documents, %,d unique words "
                            + "in %.1f s (counting %.1f s, merging %.1f s)%n",
                    s.get("vocab_size"), s.get("merges"), s.get("alphabet_size"), s.get("documents_used"),
                    s.get("unique_words"), (Double) s.get("count_seconds") + (Double) s.get("merge_seconds"),
                    s.get("count_seconds"), s.get("merge_seconds"));
            System.out.println("output:   " + output.resolve(TrainResult.MODEL_FILE) + ", " + TrainResult.VOCAB_FILE
                    + ", " + TrainResult.META_FILE);
        }
        return 0;
    }

    private static TrainerConfig rebuild(TrainerConfig c, SpecialTokens sp) {
        return new TrainerConfig(c.vocabSize(), c.characterCoverage(), c.byteFallback(), c.splitDigits(), c.addDummyPrefix(),
                c.removeExtraWhitespaces(), c.maxPieceLength(), c.splitByUnicodeScript(), c.splitByNumber(), sp,
                c.controlSymbols(), c.userDefinedSymbols(), c.normalization(), c.hardVocabLimit(), c.maxDocuments(),
                c.seed(), c.threads());
    }
}
