package dev.kiln.cli;

import dev.kiln.core.io.Inputs;
import dev.kiln.wikidata.WikidataBench;
import dev.kiln.wikidata.WikidataConfig;
import dev.kiln.wikidata.text.Mode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln bench wikidata FILE...}: triples/s of reading, normalizing, grouping and verbalizing. */
@Command(name = "wikidata", mixinStandardHelpOptions = true,
        description = "Triples/s of 'kiln wikidata' (read + normalize + group + verbalize, no writer), best of --repeat passes after --warmup passes.")
final class WikidataBenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IN", arity = "1..*", description = "Triple files (e.g. /work/shared/corpora/wikidata/triples.tsv.gz).")
    List<String> inputs;

    @Option(names = "--mode", paramLabel = "MODE", split = ",", defaultValue = "text,raw,linear",
            description = "Modes to measure (default: ${DEFAULT-VALUE}).")
    List<String> modes;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "10", description = "Timed passes per mode (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--copies", paramLabel = "N", defaultValue = "1",
            description = "Read the inputs N times in a row per pass, for passes long enough to time on a busy machine "
                    + "(later copies count as reappearing subjects; default: ${DEFAULT-VALUE}).")
    int copies;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
            description = "Untimed passes per mode first, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        dev.kiln.core.config.ConfigException.checkRange("copies", copies, 1, 10_000);
        List<Path> once = Inputs.expand(inputs);
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < copies; i++) {
            files.addAll(once);
        }
        System.out.println("kiln bench wikidata " + String.join(" ", inputs) + " x" + copies + " (best of " + repeat + " after " + warmup + " warm-up passes; "
                + Runtime.getRuntime().availableProcessors() + " cores visible)");
        System.out.println(WikidataBench.readOnly(files, warmup, repeat).summary("read only (baseline)"));
        for (String m : modes) {
            WikidataBench.Result r = WikidataBench.run(files, WikidataConfig.DEFAULT.withMode(Mode.of(m)), warmup, repeat);
            System.out.println(r.summary(m));
        }
        return 0;
    }
}
