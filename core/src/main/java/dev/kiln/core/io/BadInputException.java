package dev.kiln.core.io;

import java.io.IOException;

/** Input that cannot be used: the message is one line naming the file and the record. */
public final class BadInputException extends IOException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
