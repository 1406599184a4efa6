package dev.kiln.cli;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.core.stage.Params;
import dev.kiln.core.stage.Stage;
import dev.kiln.core.stage.StageFactory;

/** A stage registered only for the CLI tests (src/test/resources/META-INF/services), so they do not depend on other modules. */
public final class TestStages implements StageFactory {

    @Override
    public String name() {
        return "test_min_words";
    }

    @Override
    public String description() {
        return "test only: drops documents with fewer than min_words whitespace-separated words";
    }

    @Override
    public Stage create(Params params) {
        int min = params.getInt("min_words", 50, 0, 1_000_000);
        params.checkAllUsed();
        return new Filter() {
            public String name() {
                return "test_min_words";
            }

            public Decision test(Document d) {
                int words = d.text().isBlank() ? 0 : d.text().strip().split("\\s+").length;
                return words >= min ? Decision.keep() : Decision.drop("too_few_words", words);
            }
        };
    }
}
