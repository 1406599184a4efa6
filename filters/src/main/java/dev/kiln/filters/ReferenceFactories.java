package dev.kiln.filters;

import static dev.kiln.filters.FactoryParams.match;
import static dev.kiln.filters.FactoryParams.num;
import static dev.kiln.filters.FactoryParams.num2;

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

/**
 * The reference's stages by their ids ({@code G0_length} ... {@code GUT3_normalize_gutenberg}), with the
 * reference's defaults as constants; each class is registered in
 * {@code META-INF/services/dev.kiln.core.stage.StageFactory}.
 */
public final class ReferenceFactories {

    private ReferenceFactories() {
    }

    // ---- global filters

    public static final class G0 extends NamedStageFactory {
        public static final int MIN_CHARS = 300;
        public static final int MAX_CHARS = 80_000;

        public G0() {
            super(LengthFilter.G0, "reference G0: length in code points within [min_chars=" + MIN_CHARS + ", max_chars=" + MAX_CHARS + "]",
                    p -> new LengthFilter(LengthFilter.G0, p.getInt("min_chars", MIN_CHARS, 0, Integer.MAX_VALUE),
                            p.getInt("max_chars", MAX_CHARS, 0, Integer.MAX_VALUE)));
        }
    }

    public static final class G1 extends NamedStageFactory {
        public static final double MIN_ALPHA_RATIO = 0.65;

        public G1() {
            super(AlphaRatioFilter.G1, "reference G1: letters / code points >= min_alpha_ratio=" + num(MIN_ALPHA_RATIO),
                    p -> AlphaRatioFilter.g1(p.getDouble("min_alpha_ratio", MIN_ALPHA_RATIO, 0, 1)));
        }
    }

    public static final class G2 extends NamedStageFactory {
        public static final int MAX_REPEATED_CHARS = 6;

        public G2() {
            super(RepeatedCharsFilter.G2, "reference G2: no character repeated max_repeated_chars=" + MAX_REPEATED_CHARS
                    + " times in a row (<= 0 disables)",
                    p -> new RepeatedCharsFilter(p.getInt("max_repeated_chars", MAX_REPEATED_CHARS, -1, 1_000_000)));
        }
    }

    public static final class G3 extends NamedStageFactory {
        public static final double MAX_WEIRD_RATIO = 0.01;

        public G3() {
            super(AsciiWeirdSymbolsFilter.G3, "reference G3: non-ASCII-text share <= max_weird_ratio=" + num(MAX_WEIRD_RATIO),
                    p -> new AsciiWeirdSymbolsFilter(p.getDouble("max_weird_ratio", MAX_WEIRD_RATIO, 0, 1)));
        }
    }

    public static final class G4 extends NamedStageFactory {
        public static final int SHORT_LINE_CHARS = 20;
        public static final double MAX_SHORT_LINE_RATIO = 0.30;
        public static final double MAX_CAPS_RATIO = 0.20;

        public G4() {
            super(LineStructureFilter.G4, "reference G4: short lines (< short_line_chars=" + SHORT_LINE_CHARS + ") <= max_short_line_ratio="
                    + num2(MAX_SHORT_LINE_RATIO) + ", all-caps lines <= max_caps_ratio=" + num2(MAX_CAPS_RATIO),
                    p -> new LineStructureFilter(p.getInt("short_line_chars", SHORT_LINE_CHARS, 0, 1_000_000),
                            p.getDouble("max_short_line_ratio", MAX_SHORT_LINE_RATIO, 0, 1),
                            p.getDouble("max_caps_ratio", MAX_CAPS_RATIO, 0, 1)));
        }
    }

    public static final class G5 extends NamedStageFactory {
        public static final String MATCH = "substring";

        public G5() {
            super("G5_boilerplate", "reference G5: none of " + ReferenceLists.BOILERPLATE.size() + " boilerplate phrases (match=substring|words)",
                    p -> KeywordFilter.g5(match(p, MATCH)));
        }
    }

    // ---- C4 filters

    public static final class C1 extends NamedStageFactory {
        public static final double MIN_ALPHA_RATIO = 0.70;

        public C1() {
            super(AlphaRatioFilter.C1, "reference C1: letters / code points >= min_alpha_ratio=" + num2(MIN_ALPHA_RATIO),
                    p -> AlphaRatioFilter.c1(p.getDouble("min_alpha_ratio", MIN_ALPHA_RATIO, 0, 1)));
        }
    }

    public static final class C2 extends NamedStageFactory {
        public static final double MAX_PUNCT_RATIO = 0.20;

        public C2() {
            super(PunctSpamFilter.C2, "reference C2: spam punctuation share <= max_punct_ratio=" + num2(MAX_PUNCT_RATIO)
                    + " and no ////, ||||, ====, ----, '''''', \"\"\"\"\"\"",
                    p -> new PunctSpamFilter(p.getDouble("max_punct_ratio", MAX_PUNCT_RATIO, 0, 1)));
        }
    }

    public static final class C3 extends NamedStageFactory {
        public static final int MIN_HITS = 2;
        public static final String MATCH = "substring";

        public C3() {
            super("C3_web_junk", "reference C3: fewer than min_hits=" + MIN_HITS + " distinct web-junk keywords (match=substring|words)",
                    p -> KeywordFilter.c3(match(p, MATCH), p.getInt("min_hits", MIN_HITS, 1, 61)));
        }
    }

    public static final class C4 extends NamedStageFactory {
        public static final int MIN_NAV_KEYWORDS = 4;
        public static final double MAX_PIPE_RATIO = 0.005;
        public static final String MATCH = "substring";

        public C4() {
            super(NavPatternsFilter.C4, "reference C4: fewer than min_nav_keywords=" + MIN_NAV_KEYWORDS
                    + " nav words and '|' share <= max_pipe_ratio=" + num(MAX_PIPE_RATIO),
                    p -> new NavPatternsFilter(match(p, MATCH), p.getInt("min_nav_keywords", MIN_NAV_KEYWORDS, 1, 8),
                            p.getDouble("max_pipe_ratio", MAX_PIPE_RATIO, 0, 1)));
        }
    }

    public static final class C5 extends NamedStageFactory {
        public static final int MIN_PARAGRAPHS = 2;
        public static final double MIN_AVG_LEN = 200;
        public static final int MIN_PARAGRAPH_CHARS = 30;
        public static final int MIN_TOTAL_CHARS = 300;

        public C5() {
            super(ParagraphQualityFilter.C5, "reference C5: >= min_paragraphs=" + MIN_PARAGRAPHS + " lines over min_paragraph_chars="
                    + MIN_PARAGRAPH_CHARS + " with mean >= min_avg_len=" + num(MIN_AVG_LEN) + " (none: >= min_total_chars=" + MIN_TOTAL_CHARS + ")",
                    p -> new ParagraphQualityFilter(p.getInt("min_paragraphs", MIN_PARAGRAPHS, 0, 1_000_000),
                            p.getDouble("min_avg_len", MIN_AVG_LEN, 0, 1e9),
                            p.getInt("min_paragraph_chars", MIN_PARAGRAPH_CHARS, 0, 1_000_000),
                            p.getInt("min_total_chars", MIN_TOTAL_CHARS, 0, Integer.MAX_VALUE)));
        }
    }

    public static final class C6 extends NamedStageFactory {
        public static final double MIN_ENTROPY = 3.5;
        public static final double MAX_ENTROPY = 5.6;

        public C6() {
            super(EntropyFilter.C6, "reference C6: character entropy in [min_entropy=" + num(MIN_ENTROPY) + ", max_entropy=" + num(MAX_ENTROPY) + "] bits",
                    p -> new EntropyFilter(p.getDouble("min_entropy", MIN_ENTROPY, 0, 32), p.getDouble("max_entropy", MAX_ENTROPY, 0, 32)));
        }
    }

    // ---- Wikipedia and Gutenberg steps

    public static final class W0 extends NamedStageFactory {
        public W0() {
            super(StripWikiSections.W0, "reference W0: drop sections whose ==heading== contains one of sections (substring match)",
                    p -> new StripWikiSections(p.getStrings("sections", ReferenceLists.WIKI_REMOVE_SECTIONS)));
        }
    }

    public static final class W1 extends NamedStageFactory {
        public static final double MAX_LIST_RATIO = 0.30;

        public W1() {
            super(ListHeavyFilter.W1, "reference W1: list-like lines <= max_list_ratio=" + num2(MAX_LIST_RATIO),
                    p -> new ListHeavyFilter(p.getDouble("max_list_ratio", MAX_LIST_RATIO, 0, 1)));
        }
    }

    public static final class W2 extends NamedStageFactory {
        public static final int MIN_SENTENCES = 2;

        public W2() {
            super(ShortParagraphsFilter.W2, "reference W2: some paragraph has >= min_sentences=" + MIN_SENTENCES + " sentence ends",
                    p -> new ShortParagraphsFilter(p.getInt("min_sentences", MIN_SENTENCES, 0, 1_000_000)));
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
        public static final int SHORT_LINE_CHARS = 40;
        public static final double MAX_SHORT_RATIO = 0.5;

        public Gut2() {
            super(PoetryHeavyFilter.GUT2, "reference GUT2: lines under short_line_chars=" + SHORT_LINE_CHARS + " <= max_short_ratio=" + num(MAX_SHORT_RATIO),
                    p -> new PoetryHeavyFilter(p.getInt("short_line_chars", SHORT_LINE_CHARS, 0, 1_000_000),
                            p.getDouble("max_short_ratio", MAX_SHORT_RATIO, 0, 1)));
        }
    }

    public static final class Gut3 extends NamedStageFactory {
        public Gut3() {
            super(NormalizeGutenberg.GUT3, "reference GUT3: join hyphens, squeeze blanks, unwrap lines", p -> new NormalizeGutenberg());
        }
    }
}
