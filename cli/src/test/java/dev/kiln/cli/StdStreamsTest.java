package dev.kiln.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the CLI end-to-end tests: captures standard output and error around each test so the tests
 * can assert on what a command printed ({@link #out()}, {@link #err()}).
 */
abstract class StdStreamsTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    final void captureStreams() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    final void restoreStreams() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    /** What the test printed to standard output so far. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the test printed to standard error so far. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
