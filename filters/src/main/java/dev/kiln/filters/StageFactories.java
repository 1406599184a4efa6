package dev.kiln.filters;

import dev.kiln.core.stage.Params;
import dev.kiln.filters.clean.Chunker;
import dev.kiln.filters.clean.GutenbergCleaner;
import dev.kiln.filters.clean.WikitextCleaner;
import dev.kiln.filters.quality.C4BadWordsFilter;
import dev.kiln.filters.quality.C4LangDetectFilter;
import dev.kiln.filters.quality.C4QualityFilter;
import dev.kiln.filters.quality.FineWebQualityFilter;
import dev.kiln.filters.quality.GopherQualityFilter;
import dev.kiln.filters.quality.GopherRepetitionFilter;
import dev.kiln.filters.reference.AlphaRatioFilter;
import dev.kiln.filters.reference.AsciiWeirdSymbolsFilter;
import dev.kiln.filters.reference.EntropyFilter;
import dev.kiln.filters.reference.KeywordFilter;
import dev.kiln.filters.reference.LengthFilter;
import dev.kiln.filters.reference.LineStructureFilter;
import dev.kiln.filters.reference.ListHeavyFilter;
import dev.kiln.filters.reference.NavPatternsFilter;
import dev.kiln.filters.reference.NormalizeGutenberg;
import dev.kiln.filters.reference.ParagraphQualityFilter;
import dev.kiln.filters.reference.PoetryHeavyFilter;
import dev.kiln.filters.reference.PunctSpamFilter;
import dev.kiln.filters.reference.ReferenceLists;
import dev.kiln.filters.reference.RepeatedCharsFilter;
import dev.kiln.filters.reference.ShortParagraphsFilter;
import dev.kiln.filters.reference.StripGutenbergBoilerplate;
import dev.kiln.filters.reference.StripToc;
import dev.kiln.filters.reference.StripWikiMarkup;
import dev.kiln.filters.reference.StripWikiSections;
import dev.kiln.filters.rules.CharRunFilter;
import dev.kiln.filters.rules.CodeLinesFilter;
import dev.kiln.filters.rules.HeadingAwareLineStructureFilter;
import dev.kiln.filters.rules.PlaceholderTextFilter;
import dev.kiln.filters.rules.PolicyVocabularyFilter;
import dev.kiln.filters.rules.WeirdSymbolsFilter;
import dev.kiln.filters.text.KeywordMatcher;
import dev.kiln.filters.text.WordTokenizer;
import java.util.List;
import java.util.Locale;

/**
 * Every stage of the filters module as a named factory, so pipelines and profiles can be written in
 * config ({@code - name: C6_entropy, min_entropy: 3.5}). Defaults are the reference's (for the reference
 * ids) or the anchors' (Gopher, C4, FineWeb); each class is registered in
 * {@code META-INF/services/dev.kiln.core.stage.StageFactory}.
 */
public final class StageFactories {

    private StageFactories() {
    }

    private static KeywordMatcher.Mode match(Params p, String dflt) {
        return KeywordMatcher.Mode.valueOf(p.getChoice("match", dflt, List.of("substring", "words")).toUpperCase(Locale.ROOT));
    }

    private static WordTokenizer tokenizer(Params p) {
        return WordTokenizer.of(WordTokenizer.Kind.valueOf(
                p.getChoice("tokenizer", "standard", List.of("standard", "icu")).toUpperCase(Locale.ROOT)));
    }

    // ---- reference global filters

    public static final class G0 extends NamedStageFactory {
        public G0() {
            super(LengthFilter.G0, "reference G0: length in code points within [min_chars=300, max_chars=80000]",
                    p -> new LengthFilter(LengthFilter.G0, p.getInt("min_chars", 300, 0, Integer.MAX_VALUE),
                            p.getInt("max_chars", 80_000, 0, Integer.MAX_VALUE)));
        }
    }

    public static final class G1 extends NamedStageFactory {
        public G1() {
            super(AlphaRatioFilter.G1, "reference G1: letters / code points >= min_alpha_ratio=0.65",
                    p -> AlphaRatioFilter.g1(p.getDouble("min_alpha_ratio", 0.65, 0, 1)));
        }
    }

    public static final class G2 extends NamedStageFactory {
        public G2() {
            super(RepeatedCharsFilter.G2, "reference G2: no character repeated max_repeated_chars=6 times in a row (<= 0 disables)",
                    p -> new RepeatedCharsFilter(p.getInt("max_repeated_chars", 6, -1, 1_000_000)));
        }
    }

    public static final class G3 extends NamedStageFactory {
        public G3() {
            super(AsciiWeirdSymbolsFilter.G3, "reference G3: non-ASCII-text share <= max_weird_ratio=0.01",
                    p -> new AsciiWeirdSymbolsFilter(p.getDouble("max_weird_ratio", 0.01, 0, 1)));
        }
    }

    public static final class G4 extends NamedStageFactory {
        public G4() {
            super(LineStructureFilter.G4, "reference G4: short lines (< short_line_chars=20) <= max_short_line_ratio=0.30, all-caps lines <= max_caps_ratio=0.20",
                    p -> new LineStructureFilter(p.getInt("short_line_chars", 20, 0, 1_000_000),
                            p.getDouble("max_short_line_ratio", 0.30, 0, 1), p.getDouble("max_caps_ratio", 0.20, 0, 1)));
        }
    }

    public static final class G5 extends NamedStageFactory {
        public G5() {
            super("G5_boilerplate", "reference G5: none of 12 boilerplate phrases (match=substring|words)",
                    p -> KeywordFilter.g5(match(p, "substring")));
        }
    }

    // ---- reference C4 filters

    public static final class C1 extends NamedStageFactory {
        public C1() {
            super(AlphaRatioFilter.C1, "reference C1: letters / code points >= min_alpha_ratio=0.70",
                    p -> AlphaRatioFilter.c1(p.getDouble("min_alpha_ratio", 0.70, 0, 1)));
        }
    }

    public static final class C2 extends NamedStageFactory {
        public C2() {
            super(PunctSpamFilter.C2, "reference C2: spam punctuation share <= max_punct_ratio=0.20 and no ////, ||||, ====, ----, '''''', \"\"\"\"\"\"",
                    p -> new PunctSpamFilter(p.getDouble("max_punct_ratio", 0.20, 0, 1)));
        }
    }

    public static final class C3 extends NamedStageFactory {
        public C3() {
            super("C3_web_junk", "reference C3: fewer than min_hits=2 distinct web-junk keywords (match=substring|words)",
                    p -> KeywordFilter.c3(match(p, "substring"), p.getInt("min_hits", 2, 1, 61)));
        }
    }

    public static final class C4 extends NamedStageFactory {
        public C4() {
            super(NavPatternsFilter.C4, "reference C4: fewer than min_nav_keywords=4 nav words and '|' share <= max_pipe_ratio=0.005",
                    p -> new NavPatternsFilter(match(p, "substring"), p.getInt("min_nav_keywords", 4, 1, 8),
                            p.getDouble("max_pipe_ratio", 0.005, 0, 1)));
        }
    }

    public static final class C5 extends NamedStageFactory {
        public C5() {
            super(ParagraphQualityFilter.C5, "reference C5: >= min_paragraphs=2 lines over min_paragraph_chars=30 with mean >= min_avg_len=200 (none: >= min_total_chars=300)",
                    p -> new ParagraphQualityFilter(p.getInt("min_paragraphs", 2, 0, 1_000_000), p.getDouble("min_avg_len", 200, 0, 1e9),
                            p.getInt("min_paragraph_chars", 30, 0, 1_000_000), p.getInt("min_total_chars", 300, 0, Integer.MAX_VALUE)));
        }
    }

    public static final class C6 extends NamedStageFactory {
        public C6() {
            super(EntropyFilter.C6, "reference C6: character entropy in [min_entropy=3.5, max_entropy=5.6] bits",
                    p -> new EntropyFilter(p.getDouble("min_entropy", 3.5, 0, 32), p.getDouble("max_entropy", 5.6, 0, 32)));
        }
    }

    // ---- reference Wikipedia and Gutenberg steps

    public static final class W0 extends NamedStageFactory {
        public W0() {
            super(StripWikiSections.W0, "reference W0: drop sections whose ==heading== contains one of sections (substring match)",
                    p -> new StripWikiSections(p.getStrings("sections", ReferenceLists.WIKI_REMOVE_SECTIONS)));
        }
    }

    public static final class W1 extends NamedStageFactory {
        public W1() {
            super(ListHeavyFilter.W1, "reference W1: list-like lines <= max_list_ratio=0.30",
                    p -> new ListHeavyFilter(p.getDouble("max_list_ratio", 0.30, 0, 1)));
        }
    }

    public static final class W2 extends NamedStageFactory {
        public W2() {
            super(ShortParagraphsFilter.W2, "reference W2: some paragraph has >= min_sentences=2 sentence ends",
                    p -> new ShortParagraphsFilter(p.getInt("min_sentences", 2, 0, 1_000_000)));
        }
    }

    public static final class W3 extends NamedStageFactory {
        public W3() {
            super(StripWikiMarkup.W3, "reference W3: strip {{...}}, [[a|b]] -> b, every [ and ], \\n{3,}",
                    p -> new StripWikiMarkup());
        }
    }

    public static final class Gut0 extends NamedStageFactory {
        public Gut0() {
            super(StripGutenbergBoilerplate.GUT0, "reference GUT0: cut at *** START/END OF ... PROJECT GUTENBERG markers",
                    p -> new StripGutenbergBoilerplate());
        }
    }

    public static final class Gut1 extends NamedStageFactory {
        public Gut1() {
            super(StripToc.GUT1, "reference GUT1: drop a CONTENTS/INDEX block", p -> new StripToc());
        }
    }

    public static final class Gut2 extends NamedStageFactory {
        public Gut2() {
            super(PoetryHeavyFilter.GUT2, "reference GUT2: lines under short_line_chars=40 <= max_short_ratio=0.5",
                    p -> new PoetryHeavyFilter(p.getInt("short_line_chars", 40, 0, 1_000_000), p.getDouble("max_short_ratio", 0.5, 0, 1)));
        }
    }

    public static final class Gut3 extends NamedStageFactory {
        public Gut3() {
            super(NormalizeGutenberg.GUT3, "reference GUT3: join hyphens, squeeze blanks, unwrap lines", p -> new NormalizeGutenberg());
        }
    }

    // ---- kiln rules

    public static final class Length extends NamedStageFactory {
        public Length() {
            super("length", "length in code points within [min_chars=300, max_chars=80000] (kiln applies it to chunks)",
                    p -> new LengthFilter("length", p.getInt("min_chars", 300, 0, Integer.MAX_VALUE),
                            p.getInt("max_chars", 80_000, 0, Integer.MAX_VALUE)));
        }
    }

    public static final class MaxDocLength extends NamedStageFactory {
        public MaxDocLength() {
            super("max_doc_length", "runaway bound on whole documents: at most max_chars=20000000 code points",
                    p -> new LengthFilter("max_doc_length", 0, p.getInt("max_chars", 20_000_000, 0, Integer.MAX_VALUE)));
        }
    }

    public static final class AlphaRatio extends NamedStageFactory {
        public AlphaRatio() {
            super("alpha_ratio", "letters / code points >= min_alpha_ratio=0.65",
                    p -> new AlphaRatioFilter("alpha_ratio", p.getDouble("min_alpha_ratio", 0.65, 0, 1)));
        }
    }

    public static final class WeirdSymbols extends NamedStageFactory {
        public WeirdSymbols() {
            super(WeirdSymbolsFilter.NAME, "Unicode-aware: controls, private use, unassigned, surrogates, U+FFFD <= max_weird_ratio=0.01",
                    p -> new WeirdSymbolsFilter(p.getDouble("max_weird_ratio", 0.01, 0, 1)));
        }
    }

    public static final class CharRun extends NamedStageFactory {
        public CharRun() {
            super(CharRunFilter.NAME, "no character repeated max_run=8 times in a row, ignoring digits, whitespace and ellipsis dots",
                    p -> new CharRunFilter(p.getInt("max_run", 8, 2, 1_000_000)));
        }
    }

    public static final class LineStructure extends NamedStageFactory {
        public LineStructure() {
            super(HeadingAwareLineStructureFilter.NAME, "G4 with headings exempt: short lines (< short_line_chars=20) <= max_short_line_ratio=0.30, caps lines <= max_caps_ratio=0.20",
                    p -> new HeadingAwareLineStructureFilter(p.getInt("short_line_chars", 20, 0, 1_000_000),
                            p.getDouble("max_short_line_ratio", 0.30, 0, 1), p.getDouble("max_caps_ratio", 0.20, 0, 1)));
        }
    }

    public static final class WebJunk extends NamedStageFactory {
        public WebJunk() {
            super("web_junk", "fewer than min_hits=2 distinct web-junk keywords as whole words (match=words|substring)",
                    p -> new KeywordFilter("web_junk", KeywordMatcher.of(match(p, "words"), ReferenceLists.WEB_JUNK),
                            p.getInt("min_hits", 2, 1, ReferenceLists.WEB_JUNK.size())));
        }
    }

    public static final class Boilerplate extends NamedStageFactory {
        public Boilerplate() {
            super("boilerplate", "none of the boilerplate phrases (default: the reference's 12) as whole words",
                    p -> new KeywordFilter("boilerplate", KeywordMatcher.of(match(p, "words"),
                            p.getStrings("phrases", ReferenceLists.BOILERPLATE)), p.getInt("min_hits", 1, 1, 1000)));
        }
    }

    public static final class ParagraphQuality extends NamedStageFactory {
        public ParagraphQuality() {
            super("paragraph_quality", "C5 with one documented default set: >= min_paragraphs=1 lines over 30 chars, mean >= min_avg_len=100",
                    p -> new ParagraphQualityFilter("paragraph_quality", p.getInt("min_paragraphs", 1, 0, 1_000_000),
                            p.getDouble("min_avg_len", 100, 0, 1e9), p.getInt("min_paragraph_chars", 30, 0, 1_000_000),
                            p.getInt("min_total_chars", 300, 0, Integer.MAX_VALUE)));
        }
    }

    public static final class ListShare extends NamedStageFactory {
        public ListShare() {
            super(dev.kiln.filters.rules.ListShareFilter.NAME, "list items hold at most max_list_share=0.5 of the characters (W1 by characters)",
                    p -> new dev.kiln.filters.rules.ListShareFilter(p.getDouble("max_list_share", 0.5, 0, 1)));
        }
    }

    public static final class PlaceholderText extends NamedStageFactory {
        public PlaceholderText() {
            super(PlaceholderTextFilter.NAME, "lorem-ipsum placeholder: words of the lorem-ipsum vocabulary < min_placeholder_share="
                    + PlaceholderTextFilter.DEFAULT_MIN_SHARE + " of the words",
                    p -> new PlaceholderTextFilter(p.getDouble("min_placeholder_share", PlaceholderTextFilter.DEFAULT_MIN_SHARE, 0, 1)));
        }
    }

    public static final class CodeLines extends NamedStageFactory {
        public CodeLines() {
            super(CodeLinesFilter.NAME, "code pasted as a page: code-like lines hold at most max_code_share="
                    + CodeLinesFilter.DEFAULT_MAX_SHARE + " of the characters",
                    p -> new CodeLinesFilter(p.getDouble("max_code_share", CodeLinesFilter.DEFAULT_MAX_SHARE, 0, 1)));
        }
    }

    public static final class PolicyVocabulary extends NamedStageFactory {
        public PolicyVocabulary() {
            super(PolicyVocabularyFilter.NAME, "licence/cookie/privacy/terms boilerplate: legal and consent words <= max_policy_share="
                    + PolicyVocabularyFilter.DEFAULT_MAX_SHARE + " of the words",
                    p -> new PolicyVocabularyFilter(p.getDouble("max_policy_share", PolicyVocabularyFilter.DEFAULT_MAX_SHARE, 0, 1)));
        }
    }

    // ---- cleaners and chunking

    public static final class Wikitext extends NamedStageFactory {
        public Wikitext() {
            super(WikitextCleaner.NAME, "wikitext -> clean text; drops redirects; removed_sections matched exactly; title=false prepends the title",
                    p -> new WikitextCleaner(p.getStrings("removed_sections", WikitextCleaner.DEFAULT_REMOVED), p.getBoolean("title", false)));
        }
    }

    public static final class Gutenberg extends NamedStageFactory {
        public Gutenberg() {
            super(GutenbergCleaner.NAME, "Project Gutenberg header/footer (all eras), strip_toc=true, unwrap=true",
                    p -> new GutenbergCleaner(p.getBoolean("strip_toc", true), p.getBoolean("unwrap", true)));
        }
    }

    public static final class Chunk extends NamedStageFactory {
        public Chunk() {
            super(Chunker.NAME, "split into chunks of min_chars=500 .. max_chars=8000 at paragraph, sentence, word boundaries",
                    p -> new Chunker(p.getInt("min_chars", 500, 0, Integer.MAX_VALUE), p.getInt("max_chars", 8000, 16, Integer.MAX_VALUE / 4)));
        }
    }

    // ---- anchors' rule sets

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
        public GopherRepetition() {
            super(GopherRepetitionFilter.NAME, "Gopher repetition rules with datatrove defaults",
                    p -> new GopherRepetitionFilter(p.getDouble("dup_line_frac", 0.30, 0, 1), p.getDouble("dup_para_frac", 0.30, 0, 1),
                            p.getDouble("dup_line_char_frac", 0.20, 0, 1), p.getDouble("dup_para_char_frac", 0.20, 0, 1),
                            GopherRepetitionFilter.TOP_NGRAMS, GopherRepetitionFilter.DUP_NGRAMS, tokenizer(p)));
        }
    }

    public static final class C4Quality extends NamedStageFactory {
        public C4Quality() {
            super("c4_quality", "C4 rules as in the paper and datatrove: min_words_per_line=3, min_sentences=5; removes lines",
                    p -> new C4QualityFilter("c4_quality", new C4QualityFilter.Config(p.getInt("min_words_per_line", 3, 0, 10_000),
                            p.getInt("min_sentences", 5, 0, 1_000_000), p.getBoolean("filter_no_terminal_punct", true))));
        }
    }

    public static final class C4TfdsQuality extends NamedStageFactory {
        public C4TfdsQuality() {
            super("c4_tfds_quality", "C4 rules as in the TFDS code: min_words_per_line=5, min_sentences=3; removes lines",
                    p -> new C4QualityFilter("c4_tfds_quality", new C4QualityFilter.Config(p.getInt("min_words_per_line", 5, 0, 10_000),
                            p.getInt("min_sentences", 3, 0, 1_000_000), p.getBoolean("filter_no_terminal_punct", true))));
        }
    }

    public static final class C4BadWords extends NamedStageFactory {
        public C4BadWords() {
            super(C4BadWordsFilter.NAME, "C4 bad-words rule: drop pages containing an English LDNOOBW word (keep_fraction=0, seed=0)",
                    p -> new C4BadWordsFilter(p.getDouble("keep_fraction", 0, 0, 1), p.getLong("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE)));
        }
    }

    public static final class C4MaxChars extends NamedStageFactory {
        public C4MaxChars() {
            super("c4_max_chars", "C4's page length rule (TFDS is_valid_length, before cleaning): at most max_chars=190000 code points (Python len)",
                    p -> new LengthFilter("c4_max_chars", 0, p.getInt("max_chars", 190_000, 0, Integer.MAX_VALUE)));
        }
    }

    public static final class C4LangDetect extends NamedStageFactory {
        public C4LangDetect() {
            super(C4LangDetectFilter.NAME, "C4's language rule: langdetect's best guess is language=en with probability >= min_probability=0.99 (seed 0; slow)",
                    p -> new C4LangDetectFilter(p.getChoice("language", "en", C4LangDetectFilter.languages()),
                            p.getDouble("min_probability", C4LangDetectFilter.DEFAULT_MIN_PROBABILITY, 0, 1)));
        }
    }

    public static final class FineWebQuality extends NamedStageFactory {
        public FineWebQuality() {
            super(FineWebQualityFilter.NAME, "FineWeb quality rules with datatrove defaults",
                    p -> new FineWebQualityFilter(p.getDouble("line_punct_thr", 0.12, 0, 1), p.getDouble("short_line_thr", 0.67, 0, 1),
                            p.getInt("short_line_length", 30, 0, 1_000_000), p.getDouble("char_duplicates_ratio", 0.01, 0, 1),
                            p.getDouble("new_line_ratio", 0.3, 0, 1_000_000), tokenizer(p)));
        }
    }
}
