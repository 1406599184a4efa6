package dev.kiln.cli;

import dev.kiln.core.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on standard error and an exit code, instead of a stack trace:
 * 2 for configuration errors, 1 for everything else. {@code KILN_DEBUG=1} adds the stack trace.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        String verb = cl.getCommandName();
        if (t instanceof ConfigException || t instanceof IllegalArgumentException) {
            System.err.println("kiln " + verb + ": error: " + t.getMessage());
            debug(t);
            return 2;
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (!(t instanceof IOException)) {
            msg = t.getClass().getSimpleName() + ": " + msg;
        }
        System.err.println("kiln " + verb + ": error: " + msg.lines().findFirst().orElse(""));
        debug(t);
        return 1;
    }

    private static void debug(Throwable t) {
        if (System.getenv("KILN_DEBUG") != null) {
            t.printStackTrace();
        }
    }
}
