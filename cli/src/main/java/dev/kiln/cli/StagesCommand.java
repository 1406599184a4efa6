package dev.kiln.cli;

import dev.kiln.core.stage.StageFactory;
import dev.kiln.core.stage.StageRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kiln stages}: lists every stage that can be used by name in a pipeline file. */
@Command(name = "stages", mixinStandardHelpOptions = true, description = "List the stages usable by name in pipeline files.")
final class StagesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        StageRegistry registry = StageRegistry.load();
        if (registry.factories().isEmpty()) {
            System.out.println("no stages registered");
        }
        int w = registry.factories().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (StageFactory f : registry.factories().values()) {
            System.out.printf("%-" + w + "s  %s%n", f.name(), f.description());
        }
        return 0;
    }
}
