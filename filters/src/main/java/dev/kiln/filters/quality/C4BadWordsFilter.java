package dev.kiln.filters.quality;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.KeywordMatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * C4's bad-words rule (TFDS {@code c4_utils}, datatrove {@code C4BadWordsFilter}): a page is dropped when
 * its case-folded text contains a word or phrase of the English LDNOOBW list as a whole word
 * ({@code (?:\W|^)(w1|w2...)(?:\W|$)} in TFDS), found in one linear pass. As in TFDS, a seeded share
 * {@code keep_fraction} of such pages can be kept anyway, chosen by a stable hash of the document id.
 *
 * <p>The list (403 entries) is bundled from npm {@code naughty-words} 1.2.0, CC-BY-4.0.
 *
 * @param keepFraction share of bad-word pages kept anyway, in [0, 1] (C4: 0)
 * @param seed seed of that choice
 */
public record C4BadWordsFilter(double keepFraction, long seed) implements Filter {

    public static final String NAME = "c4_badwords";
    /** Reason code of a drop. */
    public static final String REASON = "document_removed_with_badwords";

    private static final KeywordMatcher WORDS = KeywordMatcher.words(load());

    public C4BadWordsFilter {
        ConfigException.checkRange("keep_fraction", keepFraction, 0, 1);
    }

    /** The bundled English list. */
    public static List<String> words() {
        return WORDS.keywords();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        int found = WORDS.countDistinct(doc.text(), Integer.MAX_VALUE);
        if (found == 0) {
            return Decision.keep();
        }
        if (keepFraction > 0) {
            long h = org.apache.lucene.util.StringHelper.murmurhash3_x86_32(new org.apache.lucene.util.BytesRef(doc.id()), (int) seed);
            if ((h & 0xFFFF_FFFFL) / 4294967296.0 < keepFraction) {
                return Decision.keep();
            }
        }
        return Decision.drop(REASON, found);
    }

    private static List<String> load() {
        try (InputStream in = C4BadWordsFilter.class.getResourceAsStream("ldnoobw-en.txt")) {
            if (in == null) {
                throw new IllegalStateException("ldnoobw-en.txt missing from the filters jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
