package dev.kiln.filters;

import dev.kiln.filters.clean.Chunker;
import dev.kiln.filters.clean.GutenbergCleaner;
import dev.kiln.filters.clean.WikitextCleaner;

/**
 * kiln's cleaners (wikitext, Project Gutenberg) and the chunker, with their defaults as constants; each
 * class is registered in {@code META-INF/services/dev.kiln.core.stage.StageFactory}.
 */
public final class CleanerFactories {

    private CleanerFactories() {
    }

    public static final class Wikitext extends NamedStageFactory {
        public static final boolean TITLE = false;

        public Wikitext() {
            super(WikitextCleaner.NAME, "wikitext -> clean text; drops redirects; removed_sections matched exactly; title=" + TITLE + " prepends the title",
                    p -> new WikitextCleaner(p.getStrings("removed_sections", WikitextCleaner.DEFAULT_REMOVED), p.getBoolean("title", TITLE)));
        }
    }

    public static final class Gutenberg extends NamedStageFactory {
        public static final boolean STRIP_TOC = true;
        public static final boolean UNWRAP = true;

        public Gutenberg() {
            super(GutenbergCleaner.NAME, "Project Gutenberg header/footer (all eras), strip_toc=" + STRIP_TOC + ", unwrap=" + UNWRAP,
                    p -> new GutenbergCleaner(p.getBoolean("strip_toc", STRIP_TOC), p.getBoolean("unwrap", UNWRAP)));
        }
    }

    public static final class Chunk extends NamedStageFactory {
        public static final int MIN_CHARS = 500;
        public static final int MAX_CHARS = 8000;

        public Chunk() {
            super(Chunker.NAME, "split into chunks of min_chars=" + MIN_CHARS + " .. max_chars=" + MAX_CHARS + " at paragraph, sentence, word boundaries",
                    p -> new Chunker(p.getInt("min_chars", MIN_CHARS, 0, Integer.MAX_VALUE), p.getInt("max_chars", MAX_CHARS, 16, Integer.MAX_VALUE / 4)));
        }
    }
}
