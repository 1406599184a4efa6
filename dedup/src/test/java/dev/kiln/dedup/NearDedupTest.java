package dev.kiln.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineRunner;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunnerOptions;
import dev.kiln.core.stage.StageRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NearDedupTest {

    static final SampleCorpus CORPUS = SampleCorpus.build(40, 5);

    @Test
    void indexReportsTheVerifiedMatch() {
        MinHasher h = MinHasher.create(MinHashConfig.DEFAULT);
        LshIndex idx = LshIndex.create(LshParams.optimal(0.85, 128), 128, 0.85);
        SampleCorpus.Planted p = CORPUS.planted.stream().filter(x -> x.kind().equals("boilerplate")).findFirst().orElseThrow();
        Document orig = CORPUS.docs.get(p.original());
        assertEquals(LshIndex.Outcome.INSERTED, idx.add(orig.id(), h.sign(orig.text())));
        assertEquals(LshIndex.Outcome.DUPLICATE, idx.add("copy", h.sign(CORPUS.docs.get(p.index()).text())));
        assertEquals(orig.id(), idx.lastMatch());
        assertTrue(idx.lastSimilarity() >= 0.85);
        assertEquals(LshIndex.Outcome.EMPTY, idx.add("empty", h.sign("")));
        assertEquals(1, idx.size());
    }

    private List<String> run(int threads) throws IOException {
        List<String> ids = new ArrayList<>();
        StageRegistry r = StageRegistry.load();
        Pipeline p = Pipeline.of(r.create("exact_dedup", Map.of()), r.create("near_dedup", Map.of("threshold", 0.85)));
        new PipelineRunner(RunnerOptions.DEFAULT.withThreads(threads)).run(DocumentSource.of(CORPUS.docs), p, d -> ids.add(d.id()),
                null, Progress.Listener.NONE);
        return ids;
    }

    @Test
    void asAPipelineStageDropsPlantedCopiesDeterministically() throws IOException {
        List<String> one = run(1);
        assertEquals(one, run(3));
        Set<String> kept = new HashSet<>(one);
        int boilerplateDropped = 0;
        for (SampleCorpus.Planted p : CORPUS.planted) {
            String id = CORPUS.docs.get(p.index()).id();
            switch (p.kind()) {
                case "exact_case", "reflow" -> assertFalse(kept.contains(id), id);
                case "shared_paragraph" -> {
                    // it holds all of another sample document (see SampleCorpus); it may be a near-duplicate of that one
                    String text = CORPUS.docs.get(p.index()).text();
                    String other = CORPUS.docs.get((p.original() + 700) % 1500).text();
                    if (SampleCorpus.exactJaccard(Shingler.create(MinHashConfig.DEFAULT), text, other) < 0.75) {
                        assertTrue(kept.contains(id), id + " shares only a paragraph with its original");
                    }
                }
                case "boilerplate" -> boilerplateDropped += kept.contains(id) ? 0 : 1;
                default -> { }
            }
        }
        assertTrue(boilerplateDropped >= 36, "boilerplate copies dropped: " + boilerplateDropped + " of 40");
    }

    @Test
    void factoryValidatesParameters() {
        StageRegistry r = StageRegistry.load();
        assertInstanceOf(NearDedup.class, r.create("near_dedup", Map.of("bands", 16, "rows", 8)));
        assertThrows(ConfigException.class, () -> r.create("near_dedup", Map.of("bands", 16)));
        assertThrows(ConfigException.class, () -> r.create("near_dedup", Map.of("threshhold", 0.8)));
        ConfigException e = assertThrows(ConfigException.class, () -> r.create("near_dedup", Map.of("threshold", 2)));
        assertTrue(e.getMessage().contains("near_dedup.threshold must be in [0.01, 1]: 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.create("near_dedup", Map.of("bands", 20, "rows", 10)));
    }
}
