package dev.kiln.cli;

import dev.kiln.core.config.ConfigException;
import dev.kiln.core.io.FileErrors;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on standard error and an exit code, instead of a stack trace:
 * 2 for configuration errors, 1 for everything else. {@code KILN_DEBUG=1} adds the stack trace. A file
 * that cannot be opened says why ({@code a.jsonl: permission denied}); running out of heap, anywhere, is
 * one line with a hint ({@link #outOfMemory}).
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        return report(ex, cl.getCommandName(), System.err);
    }

    /** Prints the one-line message for {@code failure} of {@code kiln verb} and returns the exit code. */
    static int report(Throwable failure, String verb, PrintStream err) {
        Throwable t = failure instanceof UncheckedIOException u ? u.getCause() : failure;
        OutOfMemoryError oom = outOfMemoryIn(t);
        if (oom != null) {
            err.println("kiln " + verb + ": error: " + outOfMemory(oom));
            debug(t);
            return 1;
        }
        if (t instanceof ConfigException || t instanceof IllegalArgumentException) {
            err.println("kiln " + verb + ": error: " + t.getMessage());
            debug(t);
            return 2;
        }
        String msg;
        if (t instanceof FileSystemException fse && fse.getFile() != null) {
            msg = FileErrors.line(java.nio.file.Path.of(fse.getFile()), fse); // its own message is often just the path
        } else {
            msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (!(t instanceof IOException)) {
                msg = t.getClass().getSimpleName() + ": " + msg;
            }
        }
        err.println("kiln " + verb + ": error: " + msg.lines().findFirst().orElse(""));
        debug(t);
        return 1;
    }

    /** The one-line explanation of running out of memory, with the heap size and how to raise it. */
    static String outOfMemory(OutOfMemoryError e) {
        long max = Runtime.getRuntime().maxMemory();
        String what = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
        return String.format(Locale.ROOT, "out of memory%s with a heap of %.1f GiB. HINT: give the JVM more with "
                + "KILN_JAVA_OPTS=-Xmx8g (or java -Xmx8g), use fewer --threads, or lower --max-record-bytes", what,
                max / (double) (1L << 30));
    }

    /** The OutOfMemoryError that caused {@code t}, or null. */
    static OutOfMemoryError outOfMemoryIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError o) {
                return o;
            }
        }
        return null;
    }

    private static void debug(Throwable t) {
        if (System.getenv("KILN_DEBUG") != null) {
            t.printStackTrace();
        }
    }
}
