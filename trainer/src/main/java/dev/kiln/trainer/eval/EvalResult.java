package dev.kiln.trainer.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loss, perplexity and bits-per-byte over a set of scored tokens.
 *
 * @param loss   mean natural-log cross-entropy per scored token
 * @param ppl    {@code exp(loss)}
 * @param bpb    {@code (loss / ln 2) × tokens / bytes}, or NaN without a byte table
 * @param tokens scored target tokens
 * @param bytes  bytes those targets stand for (0 without a byte table)
 */
public record EvalResult(double loss, double ppl, double bpb, long tokens, long bytes) {

    /** The result as an ordered map for JSON ({@code bpb} omitted when unknown). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", loss);
        m.put("ppl", ppl);
        if (!Double.isNaN(bpb)) {
            m.put("bpb", bpb);
        }
        m.put("tokens", tokens);
        if (bytes > 0) {
            m.put("bytes", bytes);
        }
        return m;
    }
}
