package dev.kiln.filters;

import dev.kiln.core.stage.Params;
import dev.kiln.core.stage.Stage;
import dev.kiln.core.stage.StageFactory;
import java.util.function.Function;

/**
 * Base of the filters module's {@link StageFactory} implementations: a name, a one-line description and a
 * function that reads the parameters. {@link #create} calls {@link Params#checkAllUsed()} after the
 * function, so no subclass can forget it. Subclasses are the tiny classes of the factory families
 * ({@link ReferenceFactories}, {@link KilnRuleFactories}, {@link CleanerFactories}, {@link QualityFactories}),
 * registered in {@code META-INF/services}.
 */
public abstract class NamedStageFactory implements StageFactory {

    private final String name;
    private final String description;
    private final Function<Params, Stage> build;

    protected NamedStageFactory(String name, String description, Function<Params, Stage> build) {
        this.name = name;
        this.description = description;
        this.build = build;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Stage create(Params params) {
        Stage s = build.apply(params);
        params.checkAllUsed();
        return s;
    }
}
