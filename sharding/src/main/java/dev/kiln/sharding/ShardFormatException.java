package dev.kiln.sharding;

import java.io.IOException;

/** A shard file that is truncated, foreign or inconsistent; the message names the file and ends with a HINT. */
public final class ShardFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ShardFormatException(String message) {
        super(message);
    }
}
