package dev.kiln.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Expands input arguments into a sorted, de-duplicated list of files: plain paths, globs
 * ({@code data/*.jsonl.gz}, {@code corpus/**}{@code /*.parquet}), list files ({@code @inputs.txt}, one
 * path or glob per line, {@code #} comments), and directories. A directory is kept as one input (a text
 * collection) unless it holds JSONL/Parquet/Arrow files, which are then listed. Sorting makes the input
 * order, and so the output, independent of the file system. A {@code file://} URI is read as its local
 * path; other URIs ({@code hdfs://}, {@code s3a://}) are Hadoop file systems, which only {@code kiln spark
 * prepare} reads.
 */
public final class Inputs {

    private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    private Inputs() {
    }

    /** Expands {@code args}; fails if an argument matches nothing. */
    public static List<Path> expand(List<String> args) throws IOException {
        Set<Path> out = new LinkedHashSet<>();
        for (String arg : args) {
            List<Path> matched = expandOne(arg);
            if (matched.isEmpty()) {
                throw new BadInputException(arg + ": no such input file (or the glob matched nothing)");
            }
            out.addAll(matched);
        }
        return List.copyOf(out);
    }

    /** Whether {@code arg} is a URI ({@code scheme://...}) rather than a path. */
    public static boolean isUri(String arg) {
        return URI_SCHEME.matcher(arg).lookingAt();
    }

    /** The local path of a {@code file://} URI, {@code arg} itself otherwise; fails on other URIs. */
    public static String localPath(String arg) throws BadInputException {
        if (!isUri(arg)) {
            return arg;
        }
        if (arg.regionMatches(true, 0, "file://", 0, 7)) {
            return arg.substring(7).isEmpty() ? "/" : arg.substring(7);
        }
        throw new BadInputException(arg + ": a Hadoop file system URI; this command reads local paths. "
                + "HINT: run it with kiln spark prepare, or give the path where the file system is mounted");
    }

    private static List<Path> expandOne(String given) throws IOException {
        String arg = localPath(given);
        if (arg.startsWith("@")) {
            Path list = Path.of(arg.substring(1));
            List<String> lines = new ArrayList<>();
            List<String> listed;
            try {
                listed = Files.readAllLines(list);
            } catch (IOException e) {
                throw new BadInputException(list + ": cannot read the input list: " + FileErrors.describe(e), e);
            }
            for (String line : listed) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    Path p = Path.of(t);
                    lines.add(p.isAbsolute() || list.getParent() == null ? t : list.getParent().resolve(p).toString());
                }
            }
            return expand(lines);
        }
        if (!hasGlob(arg)) {
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                List<Path> structured = listStructured(p);
                return structured.isEmpty() ? List.of(p) : structured;
            }
            if (!Files.exists(p) && Files.isSymbolicLink(p)) {
                throw new BadInputException(arg + ": " + FileErrors.noSuchFile(p));
            }
            return Files.exists(p) ? List.of(p) : List.of();
        }
        int cut = firstGlobChar(arg);
        int slash = arg.lastIndexOf('/', cut);
        Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : arg.substring(0, slash));
        String pattern = slash < 0 ? arg : arg.substring(slash + 1);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> s = Files.walk(base)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> m.matches(base.relativize(f)))
                    .map(f -> slash < 0 ? base.relativize(f) : f)
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw new BadInputException(arg + ": cannot list " + base + ": " + FileErrors.describe(e.getCause()), e.getCause());
        }
    }

    private static List<Path> listStructured(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(f -> {
                try {
                    Formats.Format fmt = Formats.of(f);
                    return fmt != Formats.Format.TEXT;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }).sorted().toList();
        }
    }

    private static boolean hasGlob(String s) {
        return firstGlobChar(s) < s.length();
    }

    private static int firstGlobChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return s.length();
    }

    /** Total size in bytes of the inputs (directories summed; a file that cannot be seen counts 0), for progress and ETA. */
    public static long totalBytes(List<Path> inputs) throws IOException {
        long total = 0;
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    total += s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                }
            } else {
                try {
                    total += Files.size(p);
                } catch (IOException e) {
                    // gone or unreadable since the expansion: reported, with its cause, when it is opened
                }
            }
        }
        return total;
    }
}
