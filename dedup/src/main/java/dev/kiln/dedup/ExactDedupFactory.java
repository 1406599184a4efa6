package dev.kiln.dedup;

import dev.kiln.core.stage.Params;
import dev.kiln.core.stage.Stage;
import dev.kiln.core.stage.StageFactory;

/** Builds {@link ExactDedup} from config: {@code - name: exact_dedup} (no parameters). */
public final class ExactDedupFactory implements StageFactory {

    @Override
    public String name() {
        return ExactDedup.NAME;
    }

    @Override
    public String description() {
        return "drop documents whose case- and whitespace-folded text was seen before (128-bit hash); keeps the first; no parameters";
    }

    @Override
    public Stage create(Params params) {
        params.checkAllUsed();
        return ExactDedup.create();
    }
}
