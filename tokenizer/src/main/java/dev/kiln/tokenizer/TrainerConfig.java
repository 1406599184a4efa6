package dev.kiln.tokenizer;

import dev.kiln.core.config.ConfigException;
import java.util.List;
import java.util.Locale;

/**
 * Options of {@link BpeTrainer}, named and bounded as in {@code spm_train} where the concept exists.
 * Build with {@link #builder(int)} (SentencePiece defaults) or a preset ({@link #reference(int)},
 * {@link #golf(int)}).
 *
 * @param vocabSize total pieces including meta, byte and user-defined pieces ({@code vocab_size})
 * @param characterCoverage share of character occurrences the alphabet must cover, [0.98, 1]; rarer
 *        characters can never be part of a piece and encode as bytes or unk ({@code character_coverage}, 0.9995)
 * @param byteFallback add the 256 {@code <0xNN>} pieces so unknown characters encode as UTF-8 bytes (false)
 * @param splitDigits a piece containing a digit is that digit alone ({@code split_digits}, false)
 * @param addDummyPrefix prepend {@code ▁} to every document so its first word looks like any other (true)
 * @param removeExtraWhitespaces drop leading and trailing spaces and collapse runs of spaces (true)
 * @param maxPieceLength longest piece in characters, [1, 512] ({@code max_sentencepiece_length}, 16)
 * @param splitByUnicodeScript a piece never mixes Unicode scripts (true)
 * @param splitByNumber digits do not join other scripts (true)
 * @param specials ids and strings of unk/bos/eos/pad
 * @param controlSymbols extra CONTROL pieces (never produced by encoding text)
 * @param userDefinedSymbols pieces always matched as one token in text (USER_DEFINED)
 * @param normalization character normalisation kiln applies before SentencePiece's whitespace rules
 * @param hardVocabLimit fail when the corpus cannot fill {@code vocabSize}; false gives a smaller model (true)
 * @param maxDocuments documents kept by seeded reservoir sampling, 0 = all; bounds memory like
 *        {@code input_sentence_size} (0)
 * @param seed seed of the reservoir sampling (12345678, SentencePiece's)
 * @param threads counting threads, [1, 1024]; never changes the output (available processors)
 */
public record TrainerConfig(int vocabSize, double characterCoverage, boolean byteFallback, boolean splitDigits,
                            boolean addDummyPrefix, boolean removeExtraWhitespaces, int maxPieceLength,
                            boolean splitByUnicodeScript, boolean splitByNumber, SpecialTokens specials,
                            List<String> controlSymbols, List<String> userDefinedSymbols,
                            Normalization normalization, boolean hardVocabLimit, long maxDocuments, long seed,
                            int threads) {

    /** SentencePiece's fixed sampling seed. */
    public static final long DEFAULT_SEED = 12345678L;

    public TrainerConfig {
        ConfigException.checkRange("vocab_size", vocabSize, 1, 1 << 24);
        ConfigException.checkRange("character_coverage", characterCoverage, 0.98, 1.0);
        ConfigException.checkRange("max_sentencepiece_length", maxPieceLength, 1, 512);
        ConfigException.checkRange("threads", threads, 1, 1024);
        ConfigException.checkRange("input_sentence_size", maxDocuments, 0, Long.MAX_VALUE);
        if (specials == null || normalization == null) {
            throw new ConfigException("specials and normalization must be set");
        }
        controlSymbols = List.copyOf(controlSymbols);
        userDefinedSymbols = List.copyOf(userDefinedSymbols);
        for (String s : concat(controlSymbols, userDefinedSymbols)) {
            if (s.isEmpty()) {
                throw new ConfigException("control and user-defined symbols must not be empty");
            }
        }
        int fixed = specials.count() + controlSymbols.size() + userDefinedSymbols.size() + (byteFallback ? 256 : 0);
        for (int id : specials.ids()) {
            if (id >= vocabSize) {
                throw new ConfigException("special ids must be < vocab_size (" + vocabSize + "): " + id);
            }
        }
        if (fixed >= vocabSize) {
            throw new ConfigException("vocab_size must be > " + fixed + " (meta, control, user-defined"
                    + (byteFallback ? " and 256 byte" : "") + " pieces): " + vocabSize);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** A builder with SentencePiece's defaults (identity normalisation, spm's special ids, no byte fallback). */
    public static Builder builder(int vocabSize) {
        return new Builder(vocabSize);
    }

    /**
     * The reference preset (arksomething/gpt): coverage 0.9995, byte fallback, no digit split, identity,
     * dummy prefix on, extra whitespace kept, unk 0 / {@code <s>} 1 / {@code </s>} 2 / {@code <pad>} 3, hard limit.
     */
    public static Builder reference(int vocabSize) {
        return builder(vocabSize).characterCoverage(0.9995).byteFallback(true).splitDigits(false)
                .addDummyPrefix(true).removeExtraWhitespaces(false).specials(SpecialTokens.REFERENCE)
                .hardVocabLimit(true);
    }

    /**
     * The parameter-golf preset ({@code sp1024}...): coverage 0.999, byte fallback, digits split, NFKC,
     * no dummy prefix, extra whitespace removed, pad 0 / bos 1 / eos 2 / unk 3, soft limit. Unlike golf's
     * {@code nmt_nfkc}, newlines are kept.
     */
    public static Builder golf(int vocabSize) {
        return builder(vocabSize).characterCoverage(0.999).byteFallback(true).splitDigits(true)
                .normalization(Normalization.NFKC).addDummyPrefix(false).removeExtraWhitespaces(true)
                .specials(SpecialTokens.GOLF).hardVocabLimit(false);
    }

    /** A preset by name: {@code reference} or {@code golf}. */
    public static Builder preset(String name, int vocabSize) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "reference" -> reference(vocabSize);
            case "golf" -> golf(vocabSize);
            case "spm" -> builder(vocabSize);
            default -> throw new ConfigException("preset must be one of [reference, golf, spm]: " + name);
        };
    }

    /** Fills the optional settings of a {@link TrainerConfig}. */
    public static final class Builder {
        private int vocabSize;
        private double characterCoverage = 0.9995;
        private boolean byteFallback;
        private boolean splitDigits;
        private boolean addDummyPrefix = true;
        private boolean removeExtraWhitespaces = true;
        private int maxPieceLength = 16;
        private boolean splitByUnicodeScript = true;
        private boolean splitByNumber = true;
        private SpecialTokens specials = SpecialTokens.SPM_DEFAULT;
        private List<String> controlSymbols = List.of();
        private List<String> userDefinedSymbols = List.of();
        private Normalization normalization = Normalization.IDENTITY;
        private boolean hardVocabLimit = true;
        private long maxDocuments;
        private long seed = DEFAULT_SEED;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder(int vocabSize) {
            this.vocabSize = vocabSize;
        }

        public Builder vocabSize(int v) { this.vocabSize = v; return this; }
        public Builder characterCoverage(double v) { this.characterCoverage = v; return this; }
        public Builder byteFallback(boolean v) { this.byteFallback = v; return this; }
        public Builder splitDigits(boolean v) { this.splitDigits = v; return this; }
        public Builder addDummyPrefix(boolean v) { this.addDummyPrefix = v; return this; }
        public Builder removeExtraWhitespaces(boolean v) { this.removeExtraWhitespaces = v; return this; }
        public Builder maxPieceLength(int v) { this.maxPieceLength = v; return this; }
        public Builder splitByUnicodeScript(boolean v) { this.splitByUnicodeScript = v; return this; }
        public Builder splitByNumber(boolean v) { this.splitByNumber = v; return this; }
        public Builder specials(SpecialTokens v) { this.specials = v; return this; }
        public Builder controlSymbols(List<String> v) { this.controlSymbols = v; return this; }
        public Builder userDefinedSymbols(List<String> v) { this.userDefinedSymbols = v; return this; }
        public Builder normalization(Normalization v) { this.normalization = v; return this; }
        public Builder hardVocabLimit(boolean v) { this.hardVocabLimit = v; return this; }
        public Builder maxDocuments(long v) { this.maxDocuments = v; return this; }
        public Builder seed(long v) { this.seed = v; return this; }
        public Builder threads(int v) { this.threads = v; return this; }

        public TrainerConfig build() {
            return new TrainerConfig(vocabSize, characterCoverage, byteFallback, splitDigits, addDummyPrefix,
                    removeExtraWhitespaces, maxPieceLength, splitByUnicodeScript, splitByNumber, specials,
                    controlSymbols, userDefinedSymbols, normalization, hardVocabLimit, maxDocuments, seed, threads);
        }
    }
}
