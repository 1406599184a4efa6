package dev.kiln.cli;

import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.Configs;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineSpec;
import dev.kiln.core.stage.StageRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiln run --config pipeline.yaml}: runs a pipeline of named stages described in YAML
 * ({@link PipelineSpec}). Paths in the file are relative to the file; arguments override the file.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a document pipeline described in a YAML file (inputs, stages by name, output).")
final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "IN", arity = "0..*", description = "Inputs (override the file's inputs).")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output file (overrides the file's output).")
    Path output;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Rejects file (overrides the file's rejects).")
    Path rejects;

    @Option(names = "--max-record-bytes", paramLabel = "SIZE", defaultValue = "64m",
            description = "Largest record read (a JSONL line, a text file); larger ones are reported and skipped (default: ${DEFAULT-VALUE}).")
    String maxRecordBytes;

    @Override
    public Integer call() throws Exception {
        if (common.config == null) {
            throw new ConfigException("kiln run needs --config FILE (a pipeline YAML; see README)");
        }
        PipelineSpec spec = Configs.load(common.config, PipelineSpec.class);
        Pipeline pipeline = spec.build(StageRegistry.load());
        // paths written in the file are relative to the file, paths on the command line to the working directory
        Path base = common.config.toAbsolutePath().getParent();
        List<String> in = inputs != null && !inputs.isEmpty() ? inputs
                : spec.inputs().stream().map(s -> s.startsWith("@") ? "@" + base.resolve(s.substring(1)) : base.resolve(s).toString()).toList();
        if (in.isEmpty()) {
            throw new ConfigException(common.config + ": no inputs (give 'inputs:' or IN arguments)");
        }
        Path out = output != null ? output : spec.output() == null ? null : base.resolve(spec.output());
        Path rej = rejects != null ? rejects : spec.rejects() == null ? null : base.resolve(spec.rejects());
        if (spec.threads() != null && common.threads == 0) {
            common.threads = spec.threads();
        }
        common.strict |= Boolean.TRUE.equals(spec.strict());
        InputOptions io = new InputOptions();
        io.textField = spec.readOptions().textField();
        io.idField = spec.readOptions().idField();
        io.source = spec.source();
        io.maxRecordBytes = maxRecordBytes;
        Map<String, Object> config = Configs.JSON.convertValue(spec, Map.class);
        Jobs.run("run", in, io, common, out, rej, pipeline, config, null);
        return 0;
    }
}
