package dev.kiln.trainer.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * One evaluation window over a token stream: inputs {@code tok[start : start+len]}, targets
 * {@code tok[start+1 : start+len+1]} (one shift), of which positions {@code [scoreFrom, len)} are scored.
 *
 * @param start     stream position of the first input token
 * @param len       input tokens (at most the model's sequence length)
 * @param scoreFrom first scored position within the window
 */
public record Window(long start, int len, int scoreFrom) {

    public Window {
        if (start < 0 || len < 1 || scoreFrom < 0 || scoreFrom >= len) {
            throw new IllegalArgumentException("bad window: start " + start + ", len " + len + ", score_from " + scoreFrom);
        }
    }

    /**
     * Golf's baseline evaluation: back-to-back windows of {@code seq} inputs over a stream of
     * {@code tokens} ids, every target scored once; the stream is cut to {@code ((N-1) / seq) × seq + 1}
     * tokens as golf does. {@code maxWindows} > 0 keeps only the first ones.
     */
    public static List<Window> contiguous(long tokens, int seq, int maxWindows) {
        long n = (tokens - 1) / seq;
        if (maxWindows > 0) {
            n = Math.min(n, maxWindows);
        }
        if (n < 1) {
            throw new IllegalArgumentException("the stream has " + tokens + " tokens, fewer than one window of " + (seq + 1));
        }
        List<Window> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(new Window(i * seq, seq, 0));
        }
        return out;
    }

    /**
     * Golf's canonical sliding-window evaluation (golf-shards-and-bpb.md section 1.5): windows of at most
     * {@code window} inputs starting every {@code stride} positions; each scores only its last
     * {@code stride} positions (the first window scores all of them), so each of the {@code N-1}
     * targets is scored exactly once with at least {@code window - stride} tokens of context.
     */
    public static List<Window> sliding(long tokens, int window, int stride) {
        if (stride < 1 || stride > window) {
            throw new IllegalArgumentException("stride must be in [1, window " + window + "]: " + stride);
        }
        long pairs = tokens - 1;
        if (pairs < 1) {
            throw new IllegalArgumentException("the stream has " + tokens + " tokens; need at least 2");
        }
        int context = window - stride;
        List<Window> out = new ArrayList<>();
        for (long ws = 0; ws == 0 || ws + context < pairs; ws += stride) {
            int len = (int) Math.min(window, pairs - ws);
            out.add(new Window(ws, len, ws == 0 ? 0 : context));
        }
        return out;
    }
}
