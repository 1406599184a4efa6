package dev.kiln.filters;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Stage;
import dev.kiln.core.stage.StageOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs stages on one document in the calling thread, without the pipeline runner: what a test, a
 * benchmark or an embedding application needs to ask "what does this profile do to this text?".
 * The first drop wins, as in the reference.
 */
public final class StageChain {

    private final List<Stage> stages;

    public StageChain(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    /**
     * What the chain did to one document.
     *
     * @param kept the documents that came out (several when a splitter ran; empty when dropped)
     * @param stage the stage of the first drop (of the document or of one of its parts), or null
     * @param reason the first drop's reason code, or null
     * @param value the first drop's measured value, or NaN
     */
    public record Result(List<Document> kept, String stage, String reason, double value) {

        /** Whether nothing came out. */
        public boolean dropped() {
            return kept.isEmpty();
        }

        /** "keep" when anything came out, else the reason code. */
        public String decision() {
            return kept.isEmpty() ? reason : "keep";
        }
    }

    public Result run(Document doc) {
        List<Document> current = List.of(doc);
        String firstStage = null;
        String firstReason = null;
        double firstValue = Double.NaN;
        for (Stage stage : stages) {
            List<Document> next = new ArrayList<>(current.size());
            for (Document d : current) {
                Collector c = new Collector(next);
                stage.process(d, c);
                if (c.reason != null && firstReason == null) {
                    firstStage = stage.name();
                    firstReason = c.reason;
                    firstValue = c.value;
                }
            }
            current = next;
            if (current.isEmpty()) {
                break;
            }
        }
        return new Result(List.copyOf(current), firstStage, firstReason, firstValue);
    }

    private static final class Collector implements StageOutput {
        final List<Document> out;
        String reason;
        double value = Double.NaN;

        Collector(List<Document> out) {
            this.out = out;
        }

        @Override
        public void emit(Document doc) {
            out.add(doc);
        }

        @Override
        public void drop(String reason, double value) {
            this.reason = reason;
            this.value = value;
        }
    }
}
