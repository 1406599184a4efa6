package dev.kiln.prepare;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PrepareEngine} in this JVM: each clean unit and each source's spill is its own resumable step, and
 * the work runs on the configured threads. The reference every other engine must match byte for byte.
 */
public final class LocalEngine implements PrepareEngine {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Override
    public List<CleanUnit> clean(Context ctx, List<CleanTask> tasks) throws IOException {
        CleanStep step = new CleanStep(ctx.cfg(), ctx.out(), ctx.strict(), ctx.allowEmpty(), ctx.runner(), ctx.log(), ctx.progress());
        List<CleanUnit> out = new ArrayList<>();
        for (CleanTask t : tasks) {
            PrepareConfig.Source s = ctx.cfg().sources().get(t.source());
            out.add(ctx.steps().run(CleanStep.stepName(s, t.unit()), CleanUnit.class, () -> step.run(s, t.files().stream().map(Path::of).toList(), t.target())));
        }
        return out;
    }

    @Override
    public DedupOutcome dedup(Context ctx, List<List<Path>> cleaned, List<List<Path>> targets) throws IOException {
        return ctx.steps().run("dedup", DedupOutcome.class,
                () -> new DedupStep(ctx.cfg(), ctx.out(), ctx.log()).run(cleaned, targets, ctx.steps().work()));
    }

    @Override
    public Map<String, Object> tokenizer(Context ctx, List<Path> docs, Split split, Path model) throws IOException {
        return ctx.steps().run("tokenizer", MAP, () -> new TokenizerStep(ctx.cfg(), ctx.runner(), ctx.log()).run(docs, split, model));
    }

    @Override
    public SpillOutcome spill(Context ctx, List<List<Path>> docs, List<List<Long>> docsPerUnit, SpillSpec spec) throws IOException {
        SpillStep step = new SpillStep(ctx.cfg(), ctx.runner(), ctx.log(), spec);
        Map<String, Object> stats = new LinkedHashMap<>();
        List<Path> dirs = new ArrayList<>();
        for (int s = 0; s < ctx.cfg().sources().size(); s++) {
            int source = s;
            String name = ctx.cfg().sources().get(s).name();
            Path dir = ctx.steps().work().resolve("spill").resolve(name);
            dirs.add(dir);
            stats.put(name, ctx.steps().run("spill-" + name, MAP, () -> step.run(source, docs.get(source), dir, SpillStep.firstSeq(source, 0))));
        }
        return new SpillOutcome(stats, dirs);
    }
}
