package dev.kiln.prepare;

import dev.kiln.sharding.TokenSink;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import dev.kiln.core.testing.SampleCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixAndSplitTest {

    @TempDir
    Path dir;

    static final List<Document> WEB = SampleCorpus.read("web.jsonl.gz", 1500);
    static final List<Document> WIKI = SampleCorpus.read("wiki.jsonl.gz", 1200);

    /** golf byte260 ids: BOS (1) then byte + 4. */
    static int[] bytes260(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[b.length + 1];
        ids[0] = 1;
        for (int i = 0; i < b.length; i++) {
            ids[i + 1] = (b[i] & 0xFF) + 4;
        }
        return ids;
    }

    static String decode(int[] ids) {
        byte[] b = new byte[ids.length - 1];
        for (int i = 1; i < ids.length; i++) {
            b[i - 1] = (byte) (ids[i] - 4);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void splitIsStableAndKeepsChunksOfADocumentTogether() {
        Split s = new Split(0.1, 1337);
        int val = 0;
        for (Document d : WEB) {
            Split.Part p = s.of(Split.identity(d.id()));
            assertEquals(p, s.of(Split.identity(d.id() + "#0")));
            assertEquals(p, s.of(Split.identity(d.id() + "#17")));
            assertEquals(p, new Split(0.1, 1337).of(d.id()), "same seed, same decision");
            if (p == Split.Part.VAL) {
                val++;
            }
        }
        assertTrue(val > 100 && val < 210, "about 10% of 1500 in val: " + val);
        assertEquals("a#b", Split.identity("a#b"));
        assertEquals("http://x/y#frag", Split.identity("http://x/y#frag"));
        long differ = WEB.stream().filter(d -> s.of(d.id()) != new Split(0.1, 7).of(d.id())).count();
        assertTrue(differ > 50, "the seed changes the split");
    }

    @Test
    void quotasAreTokenSharesSummingExactly() {
        MixPlan plan = new MixPlan(new LinkedHashMap<>(Map.of("c4", 0.30, "wikipedia", 0.45, "gutenberg", 0.25)));
        Map<String, Long> q = plan.quotas(1_000_003);
        assertEquals(1_000_003, q.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(300_000, q.get("c4"), 1);
        assertEquals(250_000, q.get("gutenberg"), 1);
    }

    record Run(List<int[]> train, List<MixAssembler.SourceResult> results) {
    }

    Run mix(List<List<Document>> sources, Map<String, Long> quotas, int bucketBits, long seed, boolean reverseInput, String tag)
            throws IOException {
        return mix(sources, quotas, null, bucketBits, seed, reverseInput, tag);
    }

    Run mix(List<List<Document>> sources, Map<String, Long> quotas, Map<String, Double> fill, int bucketBits, long seed,
            boolean reverseInput, String tag) throws IOException {
        List<String> names = List.of("c4", "wikipedia");
        record Item(int source, Document d) {
        }
        List<Item> items = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            for (Document d : sources.get(s)) {
                items.add(new Item(s, d));
            }
        }
        if (reverseInput) {
            Collections.reverse(items);
        }
        List<int[]> written = new ArrayList<>();
        TokenSink capture = new TokenSink() {
            long t;

            public void writeDocument(int[] ids, int from, int to) {
                written.add(java.util.Arrays.copyOfRange(ids, from, to));
                t += to - from;
            }

            public long tokens() {
                return t;
            }

            public long documents() {
                return written.size();
            }

            public void commit() {
            }

            public void close() {
            }
        };
        try (ShuffleSpill spill = ShuffleSpill.create(dir.resolve(tag), bucketBits)) {
            long seq = 0;
            for (Item it : items) {
                spill.add(Split.Part.TRAIN, StableHash.hash64(it.d().id(), seed), StableHash.hash64(it.d().id(), ~seed), seq++, it.source(),
                        bytes260(it.d().text()));
            }
            spill.finish();
            List<MixAssembler.SourceResult> r = MixAssembler.assemble(spill, Split.Part.TRAIN, names, quotas, fill, List.of(capture));
            return new Run(written, r);
        }
    }

    @Test
    void eachSourceReachesItsTokenQuotaWithinOneDocumentAndTheOrderIsShuffled() throws IOException {
        Map<String, Long> quotas = Map.of("c4", 300_000L, "wikipedia", 450_000L);
        Run r = mix(List.of(WEB, WIKI), quotas, 3, 1337, false, "a");
        int maxDoc = 0;
        for (Document d : WEB) {
            maxDoc = Math.max(maxDoc, bytes260(d.text()).length);
        }
        for (MixAssembler.SourceResult s : r.results()) {
            assertFalse(s.ranDry(), s.toString());
            assertTrue(s.tokens() >= s.targetTokens() && s.tokens() < s.targetTokens() + maxDoc, s.toString());
        }
        // interleaved over the whole output: source switches close to what a random order gives (2ab/(a+b))
        int switches = 0;
        int wikiDocs = 0;
        Boolean prevWiki = null;
        java.util.Set<String> wikiTexts = new java.util.HashSet<>();
        WIKI.forEach(d -> wikiTexts.add(d.text()));
        for (int[] ids : r.train()) {
            boolean wiki = wikiTexts.contains(decode(ids));
            if (prevWiki != null && wiki != prevWiki) {
                switches++;
            }
            wikiDocs += wiki ? 1 : 0;
            prevWiki = wiki;
        }
        int webDocs = r.train().size() - wikiDocs;
        double expected = 2.0 * wikiDocs * webDocs / r.train().size();
        assertTrue(switches > 0.8 * expected, "sources are interleaved: " + switches + " switches, random order gives about " + expected);
        // and the last fifth of the output still has both sources
        List<int[]> tail = r.train().subList(r.train().size() * 4 / 5, r.train().size());
        long tailWeb = tail.stream().filter(ids -> !wikiTexts.contains(decode(ids))).count();
        assertTrue(tailWeb > 0 && tailWeb < tail.size(), "tail mixes sources: " + tailWeb + " of " + tail.size());
    }

    @Test
    void outputDependsOnlyOnInputsAndSeedNotOnInputOrderOrBucketing() throws IOException {
        Map<String, Long> quotas = Map.of("c4", 200_000L, "wikipedia", 200_000L);
        Run a = mix(List.of(WEB, WIKI), quotas, 0, 42, false, "a");
        Run b = mix(List.of(WEB, WIKI), quotas, 5, 42, true, "b");
        assertEquals(a.train().size(), b.train().size());
        for (int i = 0; i < a.train().size(); i++) {
            assertArrayEquals(a.train().get(i), b.train().get(i));
        }
        Run c = mix(List.of(WEB, WIKI), quotas, 0, 43, false, "c");
        assertFalse(java.util.Arrays.equals(a.train().get(0), c.train().get(0)) && java.util.Arrays.equals(a.train().get(1), c.train().get(1)),
                "another seed gives another order");
    }

    @Test
    void aSourceThatRunsDryIsReportedWithWhatItAchieved() throws IOException {
        long wikiTokens = WIKI.stream().mapToLong(d -> bytes260(d.text()).length).sum();
        Run r = mix(List.of(WEB, WIKI), Map.of("c4", 100_000L, "wikipedia", wikiTokens * 2), 2, 1, false, "dry");
        MixAssembler.SourceResult wiki = r.results().get(1);
        assertTrue(wiki.ranDry());
        assertEquals(wikiTokens, wiki.tokens());
        assertEquals(WIKI.size(), wiki.documents());
        assertEquals(true, wiki.toMap(1).get("ran_dry"));
    }

    @Test
    void byDefaultTheOtherSourcesFillWhatADrySourceCannotGive() throws IOException {
        long wikiTokens = WIKI.stream().mapToLong(d -> bytes260(d.text()).length).sum();
        long webTokens = WEB.stream().mapToLong(d -> bytes260(d.text()).length).sum();
        assertTrue(webTokens > wikiTokens + 100_000, webTokens + " web tokens, " + wikiTokens + " wiki tokens");
        // wikipedia's half is more than it has; the two together hold enough
        long target = 2 * wikiTokens + (webTokens - wikiTokens) / 2;
        Map<String, Long> quotas = new MixPlan(new LinkedHashMap<>(Map.of("c4", 0.5, "wikipedia", 0.5))).quotas(target);
        Map<String, Double> weights = Map.of("c4", 0.5, "wikipedia", 0.5);
        Run filled = mix(List.of(WEB, WIKI), quotas, weights, 2, 1, false, "fill");
        Run exact = mix(List.of(WEB, WIKI), quotas, null, 2, 1, false, "exact");
        MixAssembler.SourceResult c4 = filled.results().get(0);
        MixAssembler.SourceResult wiki = filled.results().get(1);
        assertTrue(wiki.ranDry());
        assertEquals(wikiTokens, wiki.tokens(), "the dry source gives everything it has");
        assertEquals(quotas.get("wikipedia") - wikiTokens, c4.fillTokens(), "its shortfall goes to c4");
        long total = c4.tokens() + wiki.tokens();
        assertTrue(total >= target, "the split reaches its target: " + total + " of " + target);
        assertEquals(c4.fillTokens(), ((Number) c4.toMap(total).get("fill_tokens")).longValue());
        // --exact-mix: the old behaviour, the split stays short and nothing is filled
        long exactTotal = exact.results().stream().mapToLong(MixAssembler.SourceResult::tokens).sum();
        assertTrue(exactTotal < target);
        assertEquals(0, exact.results().get(0).fillTokens());
        assertEquals(null, exact.results().get(0).toMap(exactTotal).get("fill_tokens"));
    }

    @Test
    void theFillIsSharedByWeightAndHandedOnWhenAFillerRunsDryToo() {
        List<String> names = List.of("a", "b", "c");
        // a has nothing; b can take only 100 more; c takes the rest
        long[] q = MixAssembler.fill(names, new long[] {1000, 1000, 2000}, new long[] {0, 1100, 1_000_000},
                Map.of("a", 1.0, "b", 1.0, "c", 2.0));
        assertEquals(0, q[0]);
        assertEquals(1100, q[1]);
        assertEquals(4000 - 1100, q[2], "every token a could not give is placed");
        long[] even = MixAssembler.fill(names, new long[] {900, 1000, 2000}, new long[] {0, 1_000_000, 1_000_000},
                Map.of("a", 1.0, "b", 1.0, "c", 2.0));
        assertEquals(1000 + 300, even[1], "a's 900 split 1:2 between b and c");
        assertEquals(2000 + 600, even[2]);
    }

    @Test
    void spillFilesAreRemovedOnClose() throws IOException {
        mix(List.of(WEB), Map.of("c4", 1000L), 2, 1, false, "gone");
        try (var s = Files.list(dir.resolve("gone"))) {
            assertEquals(0, s.count());
        }
    }
}
