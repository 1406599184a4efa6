package dev.kiln.core.io;

import dev.kiln.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Refuses outputs that would destroy an input: {@code kiln filter a.jsonl -o a.jsonl} would otherwise
 * read {@code a.jsonl} and then rename the kept documents over it. Paths are compared as the file system
 * sees them: real paths through symbolic links (and the same file reached through a hard link), a
 * not-yet-existing output by the real path of its nearest existing parent folder. Two outputs of one job
 * that are the same file (output and rejects, output and metadata) are refused as well, since the second
 * would replace the first.
 *
 * <p>A refusal is a {@link ConfigException} (exit code 2) with one line naming both paths; it happens
 * before anything is read or written. {@code kiln prepare} checks its output folder with
 * {@link #checkOutputFolder}.
 */
public final class PathGuard {

    private PathGuard() {
    }

    /**
     * Fails if an output is one of the inputs, or two outputs are the same file.
     *
     * @param inputs the expanded input files and folders ({@link Inputs#expand})
     * @param outputs what each output is called in messages ({@code output}, {@code rejects},
     *        {@code metadata}, ...) → its path; null paths are skipped
     * @throws ConfigException naming the output and the input it would overwrite
     */
    public static void checkOutputs(List<Path> inputs, Map<String, Path> outputs) {
        List<Key> in = new ArrayList<>();
        for (Path p : inputs) {
            in.add(Key.of(p));
        }
        Map<Key, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : outputs.entrySet()) {
            Path out = e.getValue();
            if (out == null) {
                continue;
            }
            Key k = Key.of(out);
            for (int i = 0; i < in.size(); i++) {
                if (in.get(i).sameAs(k)) {
                    throw new ConfigException(e.getKey() + " " + out + " is the input " + inputs.get(i)
                            + "; refusing to overwrite an input. HINT: write to another file");
                }
            }
            for (Map.Entry<Key, String> s : seen.entrySet()) {
                if (s.getKey().sameAs(k)) {
                    throw new ConfigException(e.getKey() + " " + out + " is the same file as the " + s.getValue()
                            + "; give them different names");
                }
            }
            seen.put(k, e.getKey() + " " + out);
        }
    }

    /** {@link #checkOutputs} for a single output called {@code output}. */
    public static void checkOutput(List<Path> inputs, Path output) {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("output", output);
        checkOutputs(inputs, m);
    }

    /**
     * Fails if {@code folder} (an output folder such as {@code kiln prepare -o DIR}) is an input, or holds
     * one (directly or below), or lies inside an input folder: a run that clears or fills the folder would
     * then change its own inputs.
     *
     * @param inputs the expanded inputs
     * @param folder the output folder; need not exist yet
     */
    public static void checkOutputFolder(List<Path> inputs, Path folder) {
        Path dir = Key.real(folder);
        for (Path input : inputs) {
            Path p = Key.real(input);
            if (p.startsWith(dir)) {
                throw new ConfigException("output folder " + folder + (p.equals(dir) ? " is" : " holds") + " the input " + input
                        + "; refusing to write over inputs. HINT: write to another folder");
            }
            if (dir.startsWith(p) && Files.isDirectory(p)) {
                throw new ConfigException("output folder " + folder + " is inside the input folder " + input
                        + "; refusing to write into inputs. HINT: write to another folder");
            }
        }
    }

    /** A path as the file system resolves it, plus the file's identity (device and inode) when it exists. */
    private record Key(Path real, Object fileKey) {

        static Key of(Path p) {
            Object fk = null;
            try {
                fk = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
            } catch (IOException e) {
                // does not exist (yet), or a dangling link: compared by path only
            }
            return new Key(real(p), fk);
        }

        boolean sameAs(Key o) {
            return real.equals(o.real) || (fileKey != null && Objects.equals(fileKey, o.fileKey));
        }

        /** The real path of {@code p}; for a path that does not exist, its nearest existing ancestor's real path plus the rest. */
        static Path real(Path p) {
            return real(p, 0);
        }

        private static Path real(Path p, int depth) {
            Path abs = p.toAbsolutePath().normalize();
            try {
                return abs.toRealPath();
            } catch (IOException e) {
                // fall through: resolve the part that exists
            }
            if (depth < 40 && Files.isSymbolicLink(abs)) {
                try {
                    // a dangling link: the file it would create is its target
                    Path target = Files.readSymbolicLink(abs);
                    return real(abs.resolveSibling(target), depth + 1);
                } catch (IOException | UnsupportedOperationException ignored) {
                    // compare the link's own path
                }
            }
            Path parent = abs.getParent();
            if (parent == null || parent.equals(abs)) {
                return abs;
            }
            return real(parent, depth).resolve(abs.getFileName());
        }
    }
}
