package dev.kiln.core.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Counts and reports bad input: each problem is one line naming the file and the record
 * ({@code web.jsonl.gz:1234: malformed JSON: Unexpected character ('x')}). The first
 * {@link #MAX_LOGGED} are passed to the log sink, all are counted by kind for the run's statistics.
 * In strict mode the first problem is thrown instead.
 */
public final class BadRecords {

    /** How many problems are printed before only counting. */
    public static final int MAX_LOGGED = 20;

    private final boolean strict;
    private final boolean allowEmptyInputs;
    private final Consumer<String> log;
    private final java.util.List<String> failedInputs = new java.util.ArrayList<>();
    private String lastProblem;
    private final Map<String, AtomicLong> byKind = new TreeMap<>();
    private final Map<String, String> examples = new LinkedHashMap<>();
    private long total;
    private long warnings;

    /**
     * @param strict throw on the first problem instead of skipping the record
     * @param log where problem lines go (e.g. {@code System.err::println})
     */
    public BadRecords(boolean strict, Consumer<String> log) {
        this(strict, true, log);
    }

    /**
     * @param strict throw on the first problem instead of skipping the record
     * @param allowEmptyInputs false: an input that had problems and gave no good record at all (a binary
     *        file named .jsonl, a Parquet file without the text column) fails the run
     *        ({@link FileSequence} throws); true: it is only counted ({@link #failedInputs()})
     * @param log where problem lines go (e.g. {@code System.err::println})
     */
    public BadRecords(boolean strict, boolean allowEmptyInputs, Consumer<String> log) {
        this.strict = strict;
        this.allowEmptyInputs = allowEmptyInputs;
        this.log = log;
    }

    /** A lenient instance that logs to standard error. */
    public static BadRecords lenient() {
        return new BadRecords(false, System.err::println);
    }

    /**
     * Reports one bad record.
     *
     * @param position file and record, e.g. {@code web.jsonl.gz:1234}
     * @param kind short snake_case kind, counted ({@code malformed_json}, {@code invalid_utf8}, {@code missing_text})
     * @param message what is wrong, one line
     * @throws BadInputException in strict mode
     */
    public synchronized void report(String position, String kind, String message) throws BadInputException {
        String line = position + ": " + kind.replace('_', ' ') + ": " + oneLine(message);
        if (strict) {
            throw new BadInputException(line + " (--strict)");
        }
        total++;
        lastProblem = line;
        byKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        examples.putIfAbsent(kind, line);
        if (total <= MAX_LOGGED) {
            log.accept("WARN " + line);
        } else if (total == MAX_LOGGED + 1) {
            log.accept("WARN more bad records follow; only counting them now (see the run statistics)");
        }
    }

    /**
     * Logs a problem that is not a bad record (an empty input file, an empty text file in a directory):
     * never fatal, even in strict mode, and counted apart from {@link #total()}.
     */
    public synchronized void warn(String position, String message) {
        warnings++;
        if (warnings <= MAX_LOGGED) {
            log.accept("WARN " + position + ": " + oneLine(message));
        }
    }

    /** Number of {@link #warn} calls. */
    public synchronized long warnings() {
        return warnings;
    }

    public boolean strict() {
        return strict;
    }

    /** Whether an input that yielded nothing but problems is allowed (counted) rather than fatal. */
    public boolean allowEmptyInputs() {
        return allowEmptyInputs;
    }

    /**
     * Records that {@code input} had {@code problems} bad records or faults and no good record. Called by
     * {@link FileSequence}; a source that reads files another way may call it too.
     *
     * @throws BadInputException unless {@link #allowEmptyInputs()}; the message names the input, the count
     *         and the last problem
     */
    public void inputFailed(String input, String noun, long problems) throws BadInputException {
        String line;
        synchronized (this) {
            failedInputs.add(input);
            line = String.format(java.util.Locale.ROOT, "%s: no %s could be read: %,d bad record%s and not one good (last: %s)",
                    input, noun, problems, problems == 1 ? "" : "s", lastProblem);
        }
        if (!allowEmptyInputs) {
            throw new BadInputException(line + ". HINT: check the file's format and --text-field; --allow-empty skips such inputs");
        }
        log.accept("WARN " + line);
    }

    /** Inputs that yielded no good record but had problems, in reading order (for "source yields nothing" checks). */
    public synchronized java.util.List<String> failedInputs() {
        return java.util.List.copyOf(failedInputs);
    }

    public synchronized long total() {
        return total;
    }

    /** Count per kind, sorted by kind. */
    public synchronized Map<String, Long> countsByKind() {
        Map<String, Long> out = new TreeMap<>();
        byKind.forEach((k, v) -> out.put(k, v.get()));
        return Collections.unmodifiableMap(out);
    }

    /** The first problem line of each kind. */
    public synchronized Map<String, String> examples() {
        return Map.copyOf(examples);
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
