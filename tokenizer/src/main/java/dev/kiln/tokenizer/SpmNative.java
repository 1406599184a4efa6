package dev.kiln.tokenizer;

import ai.djl.sentencepiece.SpProcessor;
import ai.djl.sentencepiece.SpTokenizer;

/**
 * The only class that touches DJL. It is loaded only after {@link Encoder} has set
 * {@code OPT_OUT_TRACKING=true}, so DJL's telemetry call-home never runs.
 */
final class SpmNative implements AutoCloseable {

    private final SpTokenizer tokenizer;
    private final SpProcessor processor;

    SpmNative(byte[] model) {
        this.tokenizer = new SpTokenizer(model);
        this.processor = tokenizer.getProcessor();
    }

    int[] encode(String text) {
        return processor.encode(text);
    }

    String decode(int[] ids) {
        return processor.decode(ids);
    }

    String[] tokenize(String text) {
        return processor.tokenize(text);
    }

    int pieceId(String piece) {
        return processor.getId(piece);
    }

    String piece(int id) {
        return processor.getToken(id);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
