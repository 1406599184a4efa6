package dev.kiln.filters;

import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.stage.Stage;
import dev.kiln.core.stage.StageRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * A named, ordered list of stages for one source, e.g. {@code reference} for {@code c4} = C1..C6 then
 * G0..G5. Built-in profiles come from {@link Profiles}; others from a YAML file.
 *
 * @param name profile name ({@code reference}, {@code kiln}, {@code gopher}, ... or a file name)
 * @param source the source it applies to
 * @param stages the stages in order
 */
public record Profile(String name, SourceKind source, List<StageSpec> stages) {

    public Profile {
        stages = List.copyOf(stages);
    }

    /** The stages, built and validated. */
    public List<Stage> build(StageRegistry registry) {
        List<Stage> out = new ArrayList<>(stages.size());
        for (StageSpec s : stages) {
            out.add(s.build(registry));
        }
        return out;
    }

    /** The stages as a runnable pipeline. */
    public Pipeline pipeline(StageRegistry registry) {
        return new Pipeline(build(registry));
    }

    /** Config form, for run metadata. */
    public List<Object> describe() {
        return stages.stream().map(s -> (Object) s.toMap()).toList();
    }
}
