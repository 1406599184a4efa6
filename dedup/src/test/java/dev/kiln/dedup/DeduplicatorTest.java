package dev.kiln.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import dev.kiln.core.pipeline.DocumentSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeduplicatorTest {

    static SampleCorpus corpus;
    static Shingler shingler = Shingler.create(MinHashConfig.DEFAULT);

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        corpus = SampleCorpus.build(60, 7);
    }

    private DedupResult run(DedupConfig config) throws IOException {
        return Deduplicator.create(config.withTempDir(tmp), line -> { }).cluster(DocumentSource.of(corpus.docs));
    }

    @Test
    void findsPlantedNearDuplicatesAndNotSharedParagraphs() throws IOException {
        try (DedupResult r = run(DedupConfig.defaults().withThreads(2))) {
            Map<String, int[]> byKind = new TreeMap<>(); // kind -> {found, total, with J >= 0.9, found among those}
            for (SampleCorpus.Planted p : corpus.planted) {
                boolean together = r.keeperOf(p.index()) == r.keeperOf(p.original());
                double j = SampleCorpus.exactJaccard(shingler, corpus.docs.get(p.index()).text(), corpus.docs.get(p.original()).text());
                int[] c = byKind.computeIfAbsent(p.kind().startsWith("span") ? "span_2to5pct" : p.kind(), k -> new int[4]);
                c[1]++;
                if (together) {
                    c[0]++;
                }
                if (j >= 0.9) {
                    c[2]++;
                    if (together) {
                        c[3]++;
                    }
                }
                if (p.kind().equals("shared_paragraph")) {
                    assertTrue(j < 0.5, "shared-paragraph doc has J " + j);
                    assertFalse(together, p.index() + " shares only a paragraph with " + p.original() + " but was merged");
                }
                if (p.kind().equals("exact_case") || p.kind().equals("reflow")) {
                    assertTrue(together, p.kind() + " copy " + corpus.docs.get(p.index()).id() + " not found");
                    assertFalse(r.isKept(p.index()), "the later copy is removed (keep=first)");
                }
            }
            byKind.forEach((k, c) -> System.out.printf("%-18s found %d/%d; with exact J >= 0.9: %d/%d%n", k, c[0], c[1], c[3], c[2]));
            for (String kind : List.of("boilerplate", "scattered_1pct", "span_2to5pct")) {
                int[] c = byKind.get(kind);
                assertTrue(c[0] >= 0.9 * c[1], kind + ": found " + c[0] + " of " + c[1]);
                assertTrue(c[3] >= 0.95 * c[2], kind + ": found " + c[3] + " of " + c[2] + " with J >= 0.9");
            }
            Map<String, Object> s = r.stats();
            assertEquals((long) corpus.docs.size(), s.get("docs_in"));
            assertTrue((long) s.get("exact_duplicates") >= 120, "exact_case and reflow copies: " + s.get("exact_duplicates"));
            assertTrue((long) s.get("false_candidates_rejected") > 0, "low-midpoint banding yields candidates below the threshold");
            assertEquals((long) s.get("candidate_pairs"), (long) s.get("verified_pairs") + (long) s.get("false_candidates_rejected"));
        }
    }

    @Test
    void membersOfClustersAreSimilarToTheirKeeper() throws IOException {
        try (DedupResult r = run(DedupConfig.defaults())) {
            double min = 1;
            for (int c = 0; c < r.clusterCount(); c++) {
                int[] m = r.clusterMembers(c);
                int k = r.keeperOf(m[0]);
                assertTrue(r.isKept(k));
                for (int x : m) {
                    assertEquals(k, r.keeperOf(x));
                    assertEquals(x == k, r.isKept(x));
                    double j = SampleCorpus.exactJaccard(shingler, corpus.docs.get(x).text(), corpus.docs.get(k).text());
                    min = Math.min(min, j);
                }
            }
            System.out.println("clusters " + r.clusterCount() + ", lowest exact J of a member to its keeper " + min);
            assertTrue(min >= 0.6, "a member with exact J " + min + " to its keeper: verification let a weak chain through");
        }
    }

    @Test
    void sameResultForAnyThreadCount() throws IOException {
        byte[] one;
        List<Boolean> keptOne = new ArrayList<>();
        try (DedupResult r = run(DedupConfig.defaults().withThreads(1))) {
            one = report(r, "one.jsonl");
            for (int i = 0; i < corpus.docs.size(); i++) {
                keptOne.add(r.isKept(i));
            }
        }
        try (DedupResult r = run(DedupConfig.defaults().withThreads(3))) {
            assertArrayEquals(one, report(r, "three.jsonl"));
            for (int i = 0; i < corpus.docs.size(); i++) {
                assertEquals(keptOne.get(i), r.isKept(i), "document " + i);
            }
        }
    }

    @Test
    void exactDuplicatesSkipTheirSignaturesAndWrongHintsChangeNothing() throws IOException {
        // the workers skip the signature of a text whose key they saw; a hint that is wrong (here: every key,
        // first occurrences included, "seen" before the run) leaves the signature to the ordered consumer
        for (DedupConfig config : List.of(DedupConfig.defaults().withThreads(2), DedupConfig.defaults().withMemory(64 << 10).withMergeFanIn(3))) {
            byte[] normal;
            Map<String, Object> normalStats;
            try (DedupResult r = run(config)) {
                normal = report(r, "normal.jsonl");
                normalStats = r.stats();
            }
            assertTrue((long) normalStats.get("exact_duplicates") >= 120, "exact copies: " + normalStats.get("exact_duplicates"));
            Deduplicator d = Deduplicator.create(config.withTempDir(tmp), line -> { });
            for (Document doc : corpus.docs) {
                long[] k = TextKey.of(doc.text());
                d.hints().seenBefore(k[0], k[1]);
            }
            try (DedupResult r = d.cluster(DocumentSource.of(corpus.docs))) {
                assertArrayEquals(normal, report(r, "hinted.jsonl"));
                for (String k : List.of("docs_kept", "exact_duplicates", "near_duplicates", "clusters", "candidate_pairs",
                        "verified_pairs", "docs_without_shingles", "band_records")) {
                    assertEquals(normalStats.get(k), r.stats().get(k), k);
                }
                // an exact copy is reported at similarity 1 to its first occurrence
                for (SampleCorpus.Planted p : corpus.planted) {
                    if (p.kind().equals("exact_case")) {
                        assertEquals(1.0, r.estimatedSimilarity(p.index(), p.original()), 0.0, p.kind());
                    }
                }
            }
        }
    }

    @Test
    void tinyMemoryBudgetSpillsAndGivesTheSameClusters() throws IOException {
        byte[] inMemory;
        Map<String, Object> memStats;
        try (DedupResult r = run(DedupConfig.defaults())) {
            inMemory = report(r, "mem.jsonl");
            memStats = r.stats();
        }
        assertEquals(0, memStats.get("band_run_files"));
        assertEquals(false, memStats.get("signatures_spilled"));
        try (DedupResult r = run(DedupConfig.defaults().withMemory(64 << 10).withMergeFanIn(3))) {
            Map<String, Object> s = r.stats();
            assertTrue((int) s.get("band_run_files") > 3, "spilled runs: " + s.get("band_run_files"));
            assertEquals(true, s.get("signatures_spilled"));
            assertArrayEquals(inMemory, report(r, "spilled.jsonl"));
            for (String k : List.of("docs_kept", "exact_duplicates", "near_duplicates", "clusters", "candidate_pairs", "verified_pairs")) {
                assertEquals(memStats.get(k), s.get(k), k);
            }
        }
    }

    @Test
    void keepLongestKeepsTheLongestMember() throws IOException {
        try (DedupResult r = run(DedupConfig.defaults().withKeep(KeepRule.LONGEST))) {
            int checked = 0;
            for (SampleCorpus.Planted p : corpus.planted) {
                if (p.kind().equals("boilerplate") && r.keeperOf(p.index()) == r.keeperOf(p.original())) {
                    int k = r.keeperOf(p.index());
                    for (int m : r.clusterMembers(clusterOf(r, k))) {
                        assertTrue(corpus.docs.get(m).text().length() <= corpus.docs.get(k).text().length());
                    }
                    assertNotEquals(p.original(), k, "the boilerplate copy is longer than its original");
                    checked++;
                }
            }
            assertTrue(checked > 10);
        }
    }

    private static int clusterOf(DedupResult r, int doc) {
        for (int c = 0; c < r.clusterCount(); c++) {
            for (int m : r.clusterMembers(c)) {
                if (m == doc) {
                    return c;
                }
            }
        }
        throw new AssertionError("not clustered: " + doc);
    }

    private byte[] report(DedupResult r, String name) throws IOException {
        Path p = tmp.resolve(name);
        r.writeReport(p);
        return Files.readAllBytes(p);
    }

    @Test
    void emptyAndBlankTextsAreExactDuplicatesOfEachOtherNotACrash() throws IOException {
        List<Document> docs = new ArrayList<>(corpus.docs.subList(0, 50));
        docs.add(Document.of("empty", "", ""));
        docs.add(Document.of("blank", " \n\t ", ""));
        docs.add(Document.of("short", "ok", ""));
        try (DedupResult r = Deduplicator.create(DedupConfig.defaults().withTempDir(tmp), line -> { })
                .cluster(DocumentSource.of(docs))) {
            assertTrue(r.isKept(50));
            assertEquals(false, r.isKept(51), "a blank text is an exact duplicate of the empty one");
            assertTrue(r.isKept(52));
        }
    }

    @Test
    void passTwoWritesKeptDocumentsInOrder() throws IOException {
        try (DedupResult r = run(DedupConfig.defaults())) {
            List<Document> out = new ArrayList<>();
            long n = r.writeKept(DocumentSource.of(corpus.docs), out::add);
            assertEquals(r.docsKept(), n);
            assertEquals(n, out.size());
            int j = 0;
            for (int i = 0; i < corpus.docs.size(); i++) {
                if (r.isKept(i)) {
                    assertEquals(corpus.docs.get(i).id(), out.get(j++).id());
                }
            }
            assertThrows(IOException.class, () -> r.writeKept(DocumentSource.of(corpus.docs.subList(0, 10)), d -> { }));
        }
    }

    private static void assertThrows(Class<? extends Throwable> t, org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(t, e);
    }
}
