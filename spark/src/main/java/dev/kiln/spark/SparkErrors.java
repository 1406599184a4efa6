package dev.kiln.spark;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.spark.SparkException;

/**
 * Turns a failed Spark job back into kiln's own error: Spark wraps a task's exception in a
 * {@link SparkException} whose message is a page of stage details; the user needs the task's one line
 * (which file, which record, what to do), so the innermost non-Spark cause is rethrown as itself.
 */
final class SparkErrors {

    private SparkErrors() {
    }

    /** Runs a Spark action, rethrowing a task's own exception. */
    static <T> T call(Callable<T> action) throws IOException {
        try {
            return action.call();
        } catch (Exception e) {
            throw unwrap(e);
        }
    }

    /** Always throws: the task's own exception, or one line of Spark's. */
    private static RuntimeException unwrap(Exception e) throws IOException {
        Throwable t = e;
        while (t instanceof SparkException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException r && !(t instanceof SparkException)) {
            throw r;
        }
        if (t instanceof SparkException s) {
            throw new IOException(firstLine(s.getMessage()), s);
        }
        throw new IOException(t.getMessage(), t);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "Spark job failed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
