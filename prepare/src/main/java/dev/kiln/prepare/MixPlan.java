package dev.kiln.prepare;

import dev.kiln.core.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token quotas per source: weights are shares of TOKENS in the output (the reference mixed by raw
 * document count and never reported token shares). Quotas are {@code round(weight × target)}; the
 * largest remainder goes to the heaviest source so the quotas sum exactly to the target.
 *
 * @param weights source name → weight (normalised here; any positive scale)
 */
public record MixPlan(Map<String, Double> weights) {

    public MixPlan {
        if (weights == null || weights.isEmpty()) {
            throw new ConfigException("mix needs at least one source weight");
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            ConfigException.checkRange("weights." + e.getKey(), e.getValue(), 0, 1e9);
            sum += e.getValue();
        }
        if (!(sum > 0)) {
            throw new ConfigException("source weights must not all be 0");
        }
        Map<String, Double> norm = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            norm.put(e.getKey(), e.getValue() / sum);
        }
        weights = java.util.Collections.unmodifiableMap(norm);
    }

    /** Quota of tokens per source for a split of {@code target} tokens (sums exactly to target). */
    public Map<String, Long> quotas(long target) {
        Map<String, Long> q = new LinkedHashMap<>();
        long assigned = 0;
        String heaviest = null;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            long v = (long) Math.floor(e.getValue() * target);
            q.put(e.getKey(), v);
            assigned += v;
            if (heaviest == null || e.getValue() > weights.get(heaviest)) {
                heaviest = e.getKey();
            }
        }
        q.merge(heaviest, target - assigned, Long::sum);
        return q;
    }
}
