package dev.kiln.trainer.eval;

/**
 * How {@link Sampler} picks the next token.
 *
 * @param maxNewTokens tokens to generate at most
 * @param temperature  0 = greedy (argmax); otherwise logits are divided by it before the softmax
 * @param topK         keep the k most likely tokens (0 = all)
 * @param topP         keep the smallest set whose probability reaches p (1 = all)
 * @param seed         sampling RNG seed (same seed, same text)
 * @param repetitionPenalty CTRL's penalty on every token already in the context (prompt and output):
 *                     a positive logit is divided by it, a negative one multiplied; 1 = off
 */
public record SampleConfig(int maxNewTokens, double temperature, int topK, double topP, long seed, double repetitionPenalty) {

    /** Without a repetition penalty. */
    public SampleConfig(int maxNewTokens, double temperature, int topK, double topP, long seed) {
        this(maxNewTokens, temperature, topK, topP, seed, 1.0);
    }

    /** Greedy decoding of up to {@code maxNewTokens} tokens. */
    public static SampleConfig greedy(int maxNewTokens) {
        return new SampleConfig(maxNewTokens, 0, 0, 1, 1337);
    }

    public SampleConfig {
        if (maxNewTokens < 1 || maxNewTokens > 1 << 20) {
            throw new IllegalArgumentException("max_new_tokens must be in [1, 1048576]: " + maxNewTokens);
        }
        if (!(temperature >= 0) || temperature > 100) {
            throw new IllegalArgumentException("temperature must be in [0, 100]: " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top_k must be >= 0: " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top_p must be in (0, 1]: " + topP);
        }
        if (!(repetitionPenalty >= 1 && repetitionPenalty <= 100)) {
            throw new IllegalArgumentException("repetition_penalty must be in [1, 100]: " + repetitionPenalty);
        }
    }

    /** Whether decoding is greedy. */
    public boolean greedy() {
        return temperature == 0;
    }
}
