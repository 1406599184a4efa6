package dev.kiln.cli;

import dev.kiln.core.config.ConfigException;
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
 * {@code kiln filter --source c4|wikipedia|gutenberg [--profile NAME|FILE.yaml] IN... -o OUT [--rejects REJ]}:
 * runs a filter profile ({@link Profiles}) over the inputs. Kept documents keep their id and fields;
 * rejects carry the reason code, the measured value and the stage.
 */
@Command(name = "filter", mixinStandardHelpOptions = true,
        description = "Keep the documents a quality profile accepts (reference, kiln, gopher, c4, c4_tfds, fineweb or a YAML file).")
final class FilterCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions in;

    @Parameters(paramLabel = "IN", arity = "1..*", description = "Input files, globs or @lists.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "Output file for the kept documents.")
    Path output;

    @Option(names = "--profile", paramLabel = "NAME|FILE", defaultValue = "kiln",
            description = "kiln (default), reference, gopher, c4, c4_tfds, fineweb, or a .yaml profile file.")
    String profile;

    @Option(names = "--rejects", paramLabel = "REJ", description = "Write every dropped document here with its reason and measured value.")
    Path rejects;

    @Override
    public Integer call() throws Exception {
        SourceKind source = requireSource(in.source, "filter");
        in.source = source.id();
        Profile p = Profiles.load(profile, source);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("source", source.id());
        config.put("profile", p.name());
        config.put("stages", p.describe());
        Jobs.run("filter", inputs, in, common, output, rejects, p.pipeline(StageRegistry.load()), config, null);
        return 0;
    }

    static SourceKind requireSource(String source, String verb) {
        if (source == null) {
            throw new ConfigException("kiln " + verb + " needs --source c4|wikipedia|gutenberg (it picks the steps and their order)");
        }
        return SourceKind.of(source);
    }
}
