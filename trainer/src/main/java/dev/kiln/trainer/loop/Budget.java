package dev.kiln.trainer.loop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.Configs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The cost guard: from a measured {@code throughput.json} ({@code kiln bench train}), the run's
 * tokens, an hourly price and a ceiling, projects hours and cost and refuses a run over the ceiling
 * unless forced (reference-pipeline.md section 9.3, with a benchmark that runs the real training graph).
 */
public final class Budget {

    public static final String THROUGHPUT = "throughput.json";

    private Budget() {
    }

    /** A projection. */
    public record Projection(double tokensPerSecond, long tokens, double hours, double cost, double maxCost) {

        /** One line: tokens, tokens/s, hours, cost and ceiling. */
        public String line() {
            return String.format(Locale.ROOT, "budget: %,d tokens at %,.0f tok/s = %.2f h, projected cost $%.2f (max $%.2f)",
                    tokens, tokensPerSecond, hours, cost, maxCost);
        }
    }

    /** Reads {@code tokens_per_s} from a throughput file. */
    public static double tokensPerSecond(Path throughput) throws IOException {
        if (!Files.isRegularFile(throughput)) {
            throw new ConfigException(throughput + ": no throughput file. HINT: run kiln bench train -o " + throughput);
        }
        JsonNode n = Configs.JSON.readTree(throughput.toFile()).path("tokens_per_s");
        if (!n.isNumber() || n.asDouble() <= 0) {
            throw new ConfigException(throughput + ": no positive tokens_per_s. HINT: re-run kiln bench train");
        }
        return n.asDouble();
    }

    /**
     * Projects {@code tokens} at {@code tokensPerSecond}; throws when the cost is over {@code maxCost}
     * and {@code force} is false.
     */
    public static Projection check(double tokensPerSecond, long tokens, double hourlyRate, double maxCost, boolean force) {
        ConfigException.checkRange("hourly_rate", hourlyRate, 0, 1e6);
        ConfigException.checkRange("max_cost", maxCost, 0, 1e12);
        double hours = tokens / tokensPerSecond / 3600;
        Projection p = new Projection(tokensPerSecond, tokens, hours, hours * hourlyRate, maxCost);
        if (p.cost() > maxCost && !force) {
            throw new ConfigException(String.format(Locale.ROOT,
                    "projected cost $%.2f exceeds max_cost $%.2f (%,d tokens at %,.0f tok/s = %.2f h at $%.2f/h). "
                            + "HINT: lower --steps, pick a cheaper machine, or pass --force",
                    p.cost(), maxCost, tokens, tokensPerSecond, hours, hourlyRate));
        }
        return p;
    }
}
