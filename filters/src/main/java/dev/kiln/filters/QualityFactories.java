package dev.kiln.filters;

import static dev.kiln.filters.FactoryParams.tokenizer;

import dev.kiln.filters.quality.C4BadWordsFilter;
import dev.kiln.filters.quality.C4LangDetectFilter;
import dev.kiln.filters.quality.C4QualityFilter;
import dev.kiln.filters.quality.FineWebQualityFilter;
import dev.kiln.filters.quality.GopherQualityFilter;
import dev.kiln.filters.quality.GopherRepetitionFilter;
import dev.kiln.filters.reference.LengthFilter;

/**
 * The published rule sets (Gopher, C4 as in the paper and in TFDS, FineWeb) with the anchors' defaults
 * (datatrove's, TFDS's) as constants; each class is registered in
 * {@code META-INF/services/dev.kiln.core.stage.StageFactory}.
 */
public final class QualityFactories {

    private QualityFactories() {
    }

    public static final class GopherQuality extends NamedStageFactory {
        public GopherQuality() {
            super(GopherQualityFilter.NAME, "Gopher quality rules with datatrove defaults",
                    p -> {
                        GopherQualityFilter.Config d = GopherQualityFilter.Config.DEFAULT;
                        return new GopherQualityFilter(new GopherQualityFilter.Config(
                                p.getInt("min_doc_words", d.minWords(), 0, Integer.MAX_VALUE),
                                p.getInt("max_doc_words", d.maxWords(), 0, Integer.MAX_VALUE),
                                p.getDouble("min_avg_word_length", d.minAvgWordLength(), 0, 1000),
                                p.getDouble("max_avg_word_length", d.maxAvgWordLength(), 0, 1000),
                                p.getDouble("max_symbol_word_ratio", d.maxSymbolWordRatio(), 0, 1000),
                                p.getDouble("max_bullet_lines_ratio", d.maxBulletLinesRatio(), 0, 1),
                                p.getDouble("max_ellipsis_lines_ratio", d.maxEllipsisLinesRatio(), 0, 1),
                                p.getDouble("min_alpha_words_ratio", d.minAlphaWordsRatio(), 0, 1),
                                p.getInt("min_stop_words", d.minStopWords(), 0, 8)), tokenizer(p));
                    });
        }
    }

    public static final class GopherRepetition extends NamedStageFactory {
        public static final double DUP_LINE_FRAC = 0.30;
        public static final double DUP_PARA_FRAC = 0.30;
        public static final double DUP_LINE_CHAR_FRAC = 0.20;
        public static final double DUP_PARA_CHAR_FRAC = 0.20;

        public GopherRepetition() {
            super(GopherRepetitionFilter.NAME, "Gopher repetition rules with datatrove defaults",
                    p -> new GopherRepetitionFilter(p.getDouble("dup_line_frac", DUP_LINE_FRAC, 0, 1),
                            p.getDouble("dup_para_frac", DUP_PARA_FRAC, 0, 1), p.getDouble("dup_line_char_frac", DUP_LINE_CHAR_FRAC, 0, 1),
                            p.getDouble("dup_para_char_frac", DUP_PARA_CHAR_FRAC, 0, 1),
                            GopherRepetitionFilter.TOP_NGRAMS, GopherRepetitionFilter.DUP_NGRAMS, tokenizer(p)));
        }
    }

    public static final class C4Quality extends NamedStageFactory {
        public static final int MIN_WORDS_PER_LINE = 3;
        public static final int MIN_SENTENCES = 5;
        public static final boolean FILTER_NO_TERMINAL_PUNCT = true;

        public C4Quality() {
            super("c4_quality", "C4 rules as in the paper and datatrove: min_words_per_line=" + MIN_WORDS_PER_LINE + ", min_sentences="
                    + MIN_SENTENCES + "; removes lines",
                    p -> new C4QualityFilter("c4_quality", new C4QualityFilter.Config(p.getInt("min_words_per_line", MIN_WORDS_PER_LINE, 0, 10_000),
                            p.getInt("min_sentences", MIN_SENTENCES, 0, 1_000_000),
                            p.getBoolean("filter_no_terminal_punct", FILTER_NO_TERMINAL_PUNCT))));
        }
    }

    public static final class C4TfdsQuality extends NamedStageFactory {
        public static final int MIN_WORDS_PER_LINE = 5;
        public static final int MIN_SENTENCES = 3;
        public static final boolean FILTER_NO_TERMINAL_PUNCT = true;

        public C4TfdsQuality() {
            super("c4_tfds_quality", "C4 rules as in the TFDS code: min_words_per_line=" + MIN_WORDS_PER_LINE + ", min_sentences="
                    + MIN_SENTENCES + "; removes lines",
                    p -> new C4QualityFilter("c4_tfds_quality", new C4QualityFilter.Config(
                            p.getInt("min_words_per_line", MIN_WORDS_PER_LINE, 0, 10_000),
                            p.getInt("min_sentences", MIN_SENTENCES, 0, 1_000_000),
                            p.getBoolean("filter_no_terminal_punct", FILTER_NO_TERMINAL_PUNCT))));
        }
    }

    public static final class C4BadWords extends NamedStageFactory {
        public static final double KEEP_FRACTION = 0;
        public static final long SEED = 0;

        public C4BadWords() {
            super(C4BadWordsFilter.NAME, "C4 bad-words rule: drop pages containing an English LDNOOBW word (keep_fraction="
                    + FactoryParams.num(KEEP_FRACTION) + ", seed=" + SEED + ")",
                    p -> new C4BadWordsFilter(p.getDouble("keep_fraction", KEEP_FRACTION, 0, 1),
                            p.getLong("seed", SEED, Long.MIN_VALUE, Long.MAX_VALUE)));
        }
    }

    public static final class C4MaxChars extends NamedStageFactory {
        public static final int MAX_CHARS = 190_000;

        public C4MaxChars() {
            super("c4_max_chars", "C4's page length rule (TFDS is_valid_length, before cleaning): at most max_chars=" + MAX_CHARS
                    + " code points (Python len)",
                    p -> new LengthFilter("c4_max_chars", 0, p.getInt("max_chars", MAX_CHARS, 0, Integer.MAX_VALUE)));
        }
    }

    public static final class C4LangDetect extends NamedStageFactory {
        public static final String LANGUAGE = "en";
        public static final double MIN_PROBABILITY = C4LangDetectFilter.DEFAULT_MIN_PROBABILITY;

        public C4LangDetect() {
            super(C4LangDetectFilter.NAME, "C4's language rule: langdetect's best guess is language=" + LANGUAGE
                    + " with probability >= min_probability=" + FactoryParams.num(MIN_PROBABILITY) + " (seed 0; slow)",
                    p -> new C4LangDetectFilter(p.getChoice("language", LANGUAGE, C4LangDetectFilter.languages()),
                            p.getDouble("min_probability", MIN_PROBABILITY, 0, 1)));
        }
    }

    public static final class FineWebQuality extends NamedStageFactory {
        public static final double LINE_PUNCT_THR = 0.12;
        public static final double SHORT_LINE_THR = 0.67;
        public static final int SHORT_LINE_LENGTH = 30;
        public static final double CHAR_DUPLICATES_RATIO = 0.01;
        public static final double NEW_LINE_RATIO = 0.3;

        public FineWebQuality() {
            super(FineWebQualityFilter.NAME, "FineWeb quality rules with datatrove defaults",
                    p -> new FineWebQualityFilter(p.getDouble("line_punct_thr", LINE_PUNCT_THR, 0, 1),
                            p.getDouble("short_line_thr", SHORT_LINE_THR, 0, 1), p.getInt("short_line_length", SHORT_LINE_LENGTH, 0, 1_000_000),
                            p.getDouble("char_duplicates_ratio", CHAR_DUPLICATES_RATIO, 0, 1),
                            p.getDouble("new_line_ratio", NEW_LINE_RATIO, 0, 1_000_000), tokenizer(p)));
        }
    }
}
