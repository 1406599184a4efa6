package dev.kiln.core.pipeline;

import dev.kiln.core.stage.OrderedStage;
import dev.kiln.core.stage.Stage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An ordered list of stages. Stages up to the first {@link OrderedStage} run in parallel on worker
 * threads; that stage and all after it run on one thread in input order.
 *
 * @param stages the stages in order; names must be unique (they key the statistics)
 */
public record Pipeline(List<Stage> stages) {

    public Pipeline {
        stages = List.copyOf(stages);
        Set<String> names = new HashSet<>();
        for (Stage s : stages) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("two stages named '" + s.name() + "' in one pipeline");
            }
        }
    }

    public static Pipeline of(Stage... stages) {
        return new Pipeline(List.of(stages));
    }

    /** Index of the first ordered stage, or {@code stages().size()} when all are parallel. */
    public int firstOrdered() {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) instanceof OrderedStage) {
                return i;
            }
        }
        return stages.size();
    }
}
