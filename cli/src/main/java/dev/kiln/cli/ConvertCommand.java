package dev.kiln.cli;

import dev.kiln.core.io.Formats;
import dev.kiln.core.pipeline.Pipeline;
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
 * {@code kiln convert IN... -o OUT}: any input format to any output format, through the pipeline runner
 * with no stages (so bad records, statistics, metadata and atomic output behave as in every other verb).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert documents between formats: JSONL (.jsonl, .gz, .zst, .bz2), Parquet, Arrow IPC, "
                + "text files or directories in; .jsonl.zst, .jsonl.gz, .jsonl, .parquet or .arrow out.",
            "Example: kiln convert sample/web.jsonl.gz -o web.parquet"})
final class ConvertCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Parameters(paramLabel = "IN", arity = "1..*", description = "Input files, directories, globs or @list files.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
            description = "Output file; its suffix picks the format: .jsonl.zst, .jsonl.gz, .jsonl, .parquet or .arrow.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Formats.checkOutput(output);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("text_field", input.textField);
        config.put("id_field", input.idField);
        config.put("source", input.source);
        config.put("output", output.toString());
        Jobs.run("convert", inputs, input, common, output, null, Pipeline.of(), config, null);
        return 0;
    }
}
