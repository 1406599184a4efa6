package dev.kiln.cli;

import dev.kiln.core.stage.StageRegistry;
import dev.kiln.filters.Profile;
import dev.kiln.filters.Profiles;
import dev.kiln.filters.SourceKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiln clean --source wikipedia|gutenberg IN... -o OUT [--chunk]}: the source's cleaner alone
 * (wikitext to text, or Gutenberg header/footer/TOC/unwrapping), optionally followed by the chunker. Every
 * document is kept except Wikipedia redirects, so the output shows exactly what cleaning does.
 */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = "Clean Wikipedia wikitext or Project Gutenberg books (no quality filtering); --chunk splits them.")
final class CleanCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions in;

    @Parameters(paramLabel = "IN", arity = "1..*", description = "Input files, globs or @lists.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "Output file.")
    Path output;

    @Option(names = "--rejects", paramLabel = "REJ", description = "Write dropped documents (redirects) here with their reason.")
    Path rejects;

    @Option(names = "--chunk", description = "Split cleaned documents into chunks at paragraph, sentence and word boundaries.")
    boolean chunk;

    @Option(names = "--chunk-min", paramLabel = "CHARS", defaultValue = "500", description = "Smallest chunk in code points (default: ${DEFAULT-VALUE}).")
    int chunkMin;

    @Option(names = "--chunk-max", paramLabel = "CHARS", defaultValue = "8000", description = "Largest chunk in code points (default: ${DEFAULT-VALUE}).")
    int chunkMax;

    @Override
    public Integer call() throws Exception {
        SourceKind source = FilterCommand.requireSource(in.source, "clean");
        in.source = source.id();
        Profile p = Profiles.cleaner(source, chunk, chunkMin, chunkMax);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("source", source.id());
        config.put("stages", p.describe());
        Jobs.run("clean", inputs, in, common, output, rejects, p.pipeline(StageRegistry.load()), config, null);
        return 0;
    }
}
