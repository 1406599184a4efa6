package dev.kiln.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import dev.kiln.filters.clean.Chunker;
import dev.kiln.filters.clean.GutenbergCleaner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chunking of real books: bounds, nothing lost, tails merged, long sentences split on words. */
class ChunkerTest {

    private static final Chunker CHUNKER = new Chunker(500, 8000);

    private static String words(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    @Test
    void realBookChunksKeepEveryWordWithinBounds() {
        String book = new GutenbergCleaner(true, true).clean(Samples.file(Samples.SAMPLE.resolve("gutenberg/bierce-devils-dictionary.txt")));
        List<String> chunks = CHUNKER.chunks(book);
        assertTrue(chunks.size() > 40, "chunks " + chunks.size());
        for (String c : chunks) {
            int n = c.codePointCount(0, c.length());
            assertTrue(n >= 500 && n <= 8500, "chunk of " + n);
        }
        assertEquals(words(book), words(String.join(" ", chunks)));
    }

    @Test
    void shortTailIsMergedNotDropped() {
        String para = Rules.PROSE.replace('\n', ' ');
        String text = para + "\n\n" + para + "\n\nThe end.";
        List<String> chunks = new Chunker(500, 4000).chunks(text);
        assertEquals(2, chunks.size());
        assertTrue(chunks.getLast().endsWith(para + "\n\nThe end."));
    }

    @Test
    void overLongSentenceIsSplitOnAWordBoundary() {
        String sentence = "word ".repeat(5000).strip();
        List<String> chunks = new Chunker(100, 1000).chunks(sentence);
        for (String c : chunks) {
            assertTrue(c.length() <= 1100, "length " + c.length());
            assertTrue(c.startsWith("word") && c.endsWith("word"), c.substring(0, 10));
        }
        assertEquals(sentence, String.join(" ", chunks));
    }

    @Test
    void idsAndSingleChunkDocuments() {
        Document small = Document.of("doc7", Rules.PROSE, "c4");
        assertEquals(List.of(small), CHUNKER.split(small));
        Document big = Document.of("doc8", (Rules.PROSE + "\n\n").repeat(10), "c4");
        List<Document> parts = CHUNKER.split(big);
        assertEquals("doc8#0", parts.getFirst().id());
        assertEquals(1L, parts.get(1).metadata().get("chunk"));
        assertEquals(List.of(), CHUNKER.split(Document.of("e", " \n ", "c4")));
    }
}
