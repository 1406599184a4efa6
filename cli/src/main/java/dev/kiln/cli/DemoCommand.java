package dev.kiln.cli;

import dev.kiln.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiln demo}: runs the demo script ({@code examples/demo/demo.kiln}) on the bundled sample corpus
 * into a fresh output folder. The script is a list of ordinary kiln command lines, so the demo shows
 * exactly what a user would type; it has no code of its own.
 *
 * <p>Script syntax: one kiln command per line (without the leading {@code kiln}); {@code #} starts a
 * comment; a line {@code ## Title} prints a step heading; {@code ${sample}}, {@code ${out}} and
 * {@code ${home}} are replaced by the sample folder, the output folder and the kiln checkout; arguments
 * are split on spaces, with double quotes grouping.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on the bundled sample corpus into a fresh folder (default ./kiln-demo-out).")
final class DemoCommand implements Callable<Integer> {

    static final String MARKER = ".kiln-demo";

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "kiln-demo-out",
            description = "Output folder, recreated on each run (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--script", paramLabel = "FILE", description = "Demo script (default: <kiln home>/examples/demo/demo.kiln).")
    Path script;

    @Option(names = "--sample", paramLabel = "DIR", description = "Sample corpus folder (default: <kiln home>/sample).")
    Path sample;

    @Override
    public Integer call() throws IOException {
        Path home = Path.of(System.getProperty("kiln.home", ".")).toAbsolutePath().normalize();
        Path scriptFile = script != null ? script : home.resolve("examples/demo/demo.kiln");
        Path sampleDir = (sample != null ? sample : home.resolve("sample")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(scriptFile)) {
            throw new ConfigException(scriptFile + ": demo script not found. HINT: run ./kiln demo from a kiln checkout");
        }
        Path dir = out.toAbsolutePath().normalize();
        fresh(dir);
        Map<String, String> vars = Map.of("sample", sampleDir.toString(), "out", dir.toString(), "home", home.toString());
        long t0 = System.nanoTime();
        int step = 0;
        for (String raw : Files.readAllLines(scriptFile)) {
            String line = raw.strip();
            if (line.startsWith("##")) {
                System.out.println();
                System.out.println("=== " + (++step) + ". " + line.substring(2).strip());
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            for (Map.Entry<String, String> v : vars.entrySet()) {
                line = line.replace("${" + v.getKey() + "}", v.getValue());
            }
            List<String> args = split(line);
            System.out.println("$ kiln " + String.join(" ", args));
            int rc = Kiln.execute(args.toArray(new String[0]));
            if (rc != 0) {
                System.err.println("kiln demo: step failed (exit " + rc + "): kiln " + String.join(" ", args));
                return rc;
            }
        }
        System.out.printf("%nkiln demo: done in %.1f s; everything is in %s%n", (System.nanoTime() - t0) / 1e9, dir);
        return 0;
    }

    /** Empties {@code dir} if it is a previous demo output, refuses to touch any other non-empty folder. */
    static void fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve(MARKER))) {
                throw new ConfigException(dir + " exists and is not a kiln demo folder; choose another with -o");
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "created by kiln demo; the folder is recreated on each run\n");
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }
}
