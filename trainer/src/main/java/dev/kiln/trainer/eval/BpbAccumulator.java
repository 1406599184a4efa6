package dev.kiln.trainer.eval;

/**
 * Sums in float64 what golf's {@code eval_val} sums: the loss of every scored target (BOS targets
 * included: they add loss and, being boundaries, 0 bytes), the number of targets and their bytes.
 */
public final class BpbAccumulator {

    private final ByteTable table;
    private double lossSum;
    private long tokens;
    private long bytes;

    /** An accumulator; {@code table} may be null (then only loss and perplexity are known). */
    public BpbAccumulator(ByteTable table) {
        this.table = table;
    }

    /** Adds one scored position: input token {@code prev}, target {@code target}, its nll in nats. */
    public void add(int prev, int target, double nll) {
        lossSum += nll;
        tokens++;
        if (table != null) {
            bytes += table.bytes(prev, target);
        }
    }

    /** Scored tokens so far. */
    public long tokens() {
        return tokens;
    }

    /** {@code val_loss = loss_sum / tokens}; {@code val_bpb = (val_loss / ln 2) × (tokens / bytes)}. */
    public EvalResult result() {
        if (tokens == 0) {
            throw new IllegalStateException("no tokens were scored");
        }
        double loss = lossSum / tokens;
        double bpb = table == null || bytes == 0 ? Double.NaN : loss / Math.log(2) * ((double) tokens / bytes);
        return new EvalResult(loss, Math.exp(loss), bpb, tokens, bytes);
    }
}
