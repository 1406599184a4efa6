package dev.kiln.filters;

import static dev.kiln.filters.FactoryParams.match;
import static dev.kiln.filters.FactoryParams.num;
import static dev.kiln.filters.FactoryParams.num2;

import dev.kiln.filters.reference.AlphaRatioFilter;
import dev.kiln.filters.reference.KeywordFilter;
import dev.kiln.filters.reference.LengthFilter;
import dev.kiln.filters.reference.ParagraphQualityFilter;
import dev.kiln.filters.reference.ReferenceLists;
import dev.kiln.filters.rules.CharRunFilter;
import dev.kiln.filters.rules.CodeLinesFilter;
import dev.kiln.filters.rules.ExclamationShareFilter;
import dev.kiln.filters.rules.FunctionWordsFilter;
import dev.kiln.filters.rules.HeadingAwareLineStructureFilter;
import dev.kiln.filters.rules.LicenceTextFilter;
import dev.kiln.filters.rules.ListShareFilter;
import dev.kiln.filters.rules.PlaceholderTextFilter;
import dev.kiln.filters.rules.PolicyVocabularyFilter;
import dev.kiln.filters.rules.PunctShareFilter;
import dev.kiln.filters.rules.UnknownLanguageFilter;
import dev.kiln.filters.rules.ProseShareFilter;
import dev.kiln.filters.rules.WeirdSymbolsFilter;
import dev.kiln.filters.text.KeywordMatcher;

/**
 * kiln's own rules (the {@code kiln} profile's stages: length bounds, the reference's intent with its
 * defects fixed, and the web-junk rules of issue #15), with their defaults as constants; each class is
 * registered in {@code META-INF/services/dev.kiln.core.stage.StageFactory}.
 */
public final class KilnRuleFactories {

    private KilnRuleFactories() {
    }

    public static final class Length extends NamedStageFactory {
        public static final int MIN_CHARS = 300;
        public static final int MAX_CHARS = 80_000;

        public Length() {
            super("length", "length in code points within [min_chars=" + MIN_CHARS + ", max_chars=" + MAX_CHARS + "] (kiln applies it to chunks)",
                    p -> new LengthFilter("length", p.getInt("min_chars", MIN_CHARS, 0, Integer.MAX_VALUE),
                            p.getInt("max_chars", MAX_CHARS, 0, Integer.MAX_VALUE)));
        }
    }

    public static final class MaxDocLength extends NamedStageFactory {
        public static final int MAX_CHARS = 20_000_000;

        public MaxDocLength() {
            super("max_doc_length", "runaway bound on whole documents: at most max_chars=" + MAX_CHARS + " code points",
                    p -> new LengthFilter("max_doc_length", 0, p.getInt("max_chars", MAX_CHARS, 0, Integer.MAX_VALUE)));
        }
    }

    public static final class AlphaRatio extends NamedStageFactory {
        public static final double MIN_ALPHA_RATIO = 0.65;

        public AlphaRatio() {
            super("alpha_ratio", "letters / code points >= min_alpha_ratio=" + num(MIN_ALPHA_RATIO),
                    p -> new AlphaRatioFilter("alpha_ratio", p.getDouble("min_alpha_ratio", MIN_ALPHA_RATIO, 0, 1)));
        }
    }

    public static final class WeirdSymbols extends NamedStageFactory {
        public static final double MAX_WEIRD_RATIO = 0.01;

        public WeirdSymbols() {
            super(WeirdSymbolsFilter.NAME, "Unicode-aware: controls, private use, unassigned, surrogates, U+FFFD <= max_weird_ratio="
                    + num(MAX_WEIRD_RATIO),
                    p -> new WeirdSymbolsFilter(p.getDouble("max_weird_ratio", MAX_WEIRD_RATIO, 0, 1)));
        }
    }

    public static final class CharRun extends NamedStageFactory {
        public static final int MAX_RUN = 8;

        public CharRun() {
            super(CharRunFilter.NAME, "no character repeated max_run=" + MAX_RUN + " times in a row, ignoring digits, whitespace, ellipsis dots, rule and "
                    + "box-drawing characters, and words of capitals or hex digits (XXXXXX, FFFFFFFF)",
                    p -> new CharRunFilter(p.getInt("max_run", MAX_RUN, 2, 1_000_000)));
        }
    }

    public static final class PunctShare extends NamedStageFactory {
        public static final double MAX_PUNCT_RATIO = 0.20;

        public PunctShare() {
            super(PunctShareFilter.NAME, "the 12 characters . , ; : - / | = _ \\ \" ' <= max_punct_ratio=" + num(MAX_PUNCT_RATIO)
                            + " of the code points (C2's ratio without its run rule)",
                    p -> new PunctShareFilter(p.getDouble("max_punct_ratio", MAX_PUNCT_RATIO, 0, 1)));
        }
    }

    public static final class LineStructure extends NamedStageFactory {
        public static final int SHORT_LINE_CHARS = 20;
        public static final double MAX_SHORT_LINE_RATIO = 0.30;
        public static final double MAX_CAPS_RATIO = 0.20;

        public LineStructure() {
            super(HeadingAwareLineStructureFilter.NAME, "G4 with headings exempt: short lines (< short_line_chars=" + SHORT_LINE_CHARS
                    + ") <= max_short_line_ratio=" + num2(MAX_SHORT_LINE_RATIO) + ", caps lines <= max_caps_ratio=" + num2(MAX_CAPS_RATIO)
                    + "; list items are short lines unless count_list_items=false (the wikipedia profile)",
                    p -> new HeadingAwareLineStructureFilter(p.getInt("short_line_chars", SHORT_LINE_CHARS, 0, 1_000_000),
                            p.getDouble("max_short_line_ratio", MAX_SHORT_LINE_RATIO, 0, 1),
                            p.getDouble("max_caps_ratio", MAX_CAPS_RATIO, 0, 1), p.getBoolean("count_list_items", true)));
        }
    }

    public static final class WebJunk extends NamedStageFactory {
        public static final int MIN_HITS = 2;
        public static final String MATCH = "words";

        public WebJunk() {
            super("web_junk", "fewer than min_hits=" + MIN_HITS + " distinct web-junk keywords as whole words (match=words|substring)",
                    p -> new KeywordFilter("web_junk", ReferenceLists.matcher(match(p, MATCH), ReferenceLists.WEB_JUNK),
                            p.getInt("min_hits", MIN_HITS, 1, ReferenceLists.WEB_JUNK.size())));
        }
    }

    public static final class Boilerplate extends NamedStageFactory {
        public static final int MIN_HITS = 1;
        public static final String MATCH = "words";

        public Boilerplate() {
            super("boilerplate", "none of the boilerplate phrases (default: the reference's " + ReferenceLists.BOILERPLATE.size() + ") as whole words",
                    p -> new KeywordFilter("boilerplate", ReferenceLists.matcher(match(p, MATCH),
                            p.getStrings("phrases", ReferenceLists.BOILERPLATE)), p.getInt("min_hits", MIN_HITS, 1, 1000)));
        }
    }

    public static final class ParagraphQuality extends NamedStageFactory {
        public static final int MIN_PARAGRAPHS = 1;
        public static final double MIN_AVG_LEN = 100;
        public static final int MIN_PARAGRAPH_CHARS = 30;
        public static final int MIN_TOTAL_CHARS = 300;

        public ParagraphQuality() {
            super("paragraph_quality", "C5 with one documented default set: >= min_paragraphs=" + MIN_PARAGRAPHS + " lines over "
                    + MIN_PARAGRAPH_CHARS + " chars, mean >= min_avg_len=" + num(MIN_AVG_LEN),
                    p -> new ParagraphQualityFilter("paragraph_quality", p.getInt("min_paragraphs", MIN_PARAGRAPHS, 0, 1_000_000),
                            p.getDouble("min_avg_len", MIN_AVG_LEN, 0, 1e9), p.getInt("min_paragraph_chars", MIN_PARAGRAPH_CHARS, 0, 1_000_000),
                            p.getInt("min_total_chars", MIN_TOTAL_CHARS, 0, Integer.MAX_VALUE)));
        }
    }

    public static final class ListShare extends NamedStageFactory {
        public static final double MAX_LIST_SHARE = 0.5;

        public ListShare() {
            super(ListShareFilter.NAME, "list items hold at most max_list_share=" + num(MAX_LIST_SHARE) + " of the characters (W1 by characters)",
                    p -> new ListShareFilter(p.getDouble("max_list_share", MAX_LIST_SHARE, 0, 1)));
        }
    }

    public static final class PlaceholderText extends NamedStageFactory {
        public static final double MIN_PLACEHOLDER_SHARE = PlaceholderTextFilter.DEFAULT_MIN_SHARE;

        public PlaceholderText() {
            super(PlaceholderTextFilter.NAME, "lorem-ipsum placeholder: words of the lorem-ipsum vocabulary < min_placeholder_share="
                    + num(MIN_PLACEHOLDER_SHARE) + " of the words",
                    p -> new PlaceholderTextFilter(p.getDouble("min_placeholder_share", MIN_PLACEHOLDER_SHARE, 0, 1)));
        }
    }

    public static final class CodeLines extends NamedStageFactory {
        public static final double MAX_CODE_SHARE = CodeLinesFilter.DEFAULT_MAX_SHARE;

        public CodeLines() {
            super(CodeLinesFilter.NAME, "code pasted as a page: code-like lines hold at most max_code_share=" + num(MAX_CODE_SHARE) + " of the characters",
                    p -> new CodeLinesFilter(p.getDouble("max_code_share", MAX_CODE_SHARE, 0, 1)));
        }
    }

    public static final class PolicyVocabulary extends NamedStageFactory {
        public static final double MAX_POLICY_SHARE = PolicyVocabularyFilter.DEFAULT_MAX_SHARE;

        public PolicyVocabulary() {
            super(PolicyVocabularyFilter.NAME, "licence/cookie/privacy/terms boilerplate: legal and consent words <= max_policy_share="
                    + num(MAX_POLICY_SHARE) + " of the words",
                    p -> new PolicyVocabularyFilter(p.getDouble("max_policy_share", MAX_POLICY_SHARE, 0, 1)));
        }
    }

    public static final class LicenceText extends NamedStageFactory {
        public static final double MAX_LICENCE_SHARE = LicenceTextFilter.DEFAULT_MAX_SHARE;

        public LicenceText() {
            super(LicenceTextFilter.NAME, "a licence's own text: word 6-grams of kiln's bundled licence texts <= max_licence_share="
                    + num(MAX_LICENCE_SHARE) + " of the page's",
                    p -> new LicenceTextFilter(p.getDouble("max_licence_share", MAX_LICENCE_SHARE, 0, 1)));
        }
    }

    public static final class ExclamationShare extends NamedStageFactory {
        public static final double MAX_EXCLAMATION_SHARE = ExclamationShareFilter.DEFAULT_MAX_SHARE;

        public ExclamationShare() {
            super(ExclamationShareFilter.NAME, "sales copy and hype: exclamations <= max_exclamation_share=" + num(MAX_EXCLAMATION_SHARE)
                            + " of the sentence ends (when there are " + ExclamationShareFilter.MIN_SENTENCES + " or more)",
                    p -> new ExclamationShareFilter(p.getDouble("max_exclamation_share", MAX_EXCLAMATION_SHARE, 0, 1)));
        }
    }

    public static final class UnknownLanguage extends NamedStageFactory {
        public static final double MIN_ENGLISH_SHARE = UnknownLanguageFilter.DEFAULT_MIN_ENGLISH_SHARE;
        public static final double MIN_ENGLISH_ONLY_SHARE = UnknownLanguageFilter.DEFAULT_MIN_ENGLISH_ONLY_SHARE;
        public static final double MIN_LANGUAGE_PROBABILITY = UnknownLanguageFilter.DEFAULT_MIN_LANGUAGE_PROBABILITY;
        public static final double MIN_NAMED_ENGLISH_SHARE = UnknownLanguageFilter.DEFAULT_MIN_NAMED_ENGLISH_SHARE;

        public UnknownLanguage() {
            super(UnknownLanguageFilter.NAME, "text in no language (random-word placeholder): English function words < min_english_share="
                            + num(MIN_ENGLISH_SHARE) + " (or English-only ones < min_english_only_share=" + num(MIN_ENGLISH_ONLY_SHARE)
                            + ") of the words and langdetect's best guess < min_language_probability="
                            + num(MIN_LANGUAGE_PROBABILITY) + "; a confident guess not in languages=" + UnknownLanguageFilter.DEFAULT_LANGUAGES
                            + " is other_language ([] keeps any); one named English with function words < min_named_english_share="
                            + num(MIN_NAMED_ENGLISH_SHARE) + " is english_word_list",
                    p -> new UnknownLanguageFilter(p.getDouble("min_english_share", MIN_ENGLISH_SHARE, 0, 1),
                            p.getDouble("min_english_only_share", MIN_ENGLISH_ONLY_SHARE, 0, 1),
                            p.getDouble("min_language_probability", MIN_LANGUAGE_PROBABILITY, 0, 1),
                            p.getDouble("min_named_english_share", MIN_NAMED_ENGLISH_SHARE, 0, 1),
                            p.getStrings("languages", UnknownLanguageFilter.DEFAULT_LANGUAGES)));
        }
    }

    public static final class FunctionWords extends NamedStageFactory {
        public static final double MIN_FUNCTION_SHARE = FunctionWordsFilter.DEFAULT_MIN_SHARE;

        public FunctionWords() {
            super(FunctionWordsFilter.NAME, "filler of real English words: function words >= min_function_share=" + num(MIN_FUNCTION_SHARE)
                            + " of the words of a page's sentences (when they hold 100 words or more)",
                    p -> new FunctionWordsFilter(p.getDouble("min_function_share", MIN_FUNCTION_SHARE, 0, 1)));
        }
    }

    public static final class ProseShare extends NamedStageFactory {
        public static final double MIN_PROSE_SHARE = ProseShareFilter.DEFAULT_MIN_SHARE;

        public ProseShare() {
            super(ProseShareFilter.NAME, "running prose: lines of >= 6 words (words >= 0.6 of the tokens) hold at least min_prose_share="
                    + num(MIN_PROSE_SHARE) + " of the characters",
                    p -> new ProseShareFilter(p.getDouble("min_prose_share", MIN_PROSE_SHARE, 0, 1)));
        }
    }
}
