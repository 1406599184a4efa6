package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** YAML lists reach list options as separate values, commas inside values included. */
class ConfigDefaultsTest {

    @TempDir
    Path tmp;

    private TrainCommand parse(String yaml, String... extra) throws Exception {
        Path cfg = tmp.resolve("train.yaml");
        Files.writeString(cfg, yaml);
        String[] base = {"--config", cfg.toString(), "--data", "d", "-o", "r"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra)).toArray(String[]::new);
        TrainCommand t = new TrainCommand();
        new CommandLine(t).setDefaultValueProvider(ConfigDefaults.fromArgs(args)).parseArgs(args);
        return t;
    }

    @Test
    void aYamlListOfPromptsStaysAListEvenWithCommas() throws Exception {
        TrainCommand t = parse("train:\n  prompt: [\"Once upon a time,\", \"The capital of France is\"]\n  steps: 7\n");
        assertEquals(List.of("Once upon a time,", "The capital of France is"), t.prompts);
        assertEquals(7, t.steps);
    }

    @Test
    void repeatedFlagsStillWorkAndWinOverTheFile() throws Exception {
        TrainCommand t = parse("prompt: [\"a\", \"b\"]\n", "--prompt", "x, y", "--prompt", "z");
        assertEquals(List.of("x, y", "z"), t.prompts);
    }

    @Test
    void aListForASingleValueOptionIsAnError() {
        Exception e = assertThrows(CommandLine.ParameterException.class, () -> parse("train:\n  device: [cpu, cuda]\n"));
        assertTrue(e.getMessage().contains("device takes one value"), e.getMessage());
    }

    @Test
    void pathOptionsFromTheFileAreRelativeToTheFileFlagsToTheWorkingDirectory() throws Exception {
        TrainCommand t = parse("train:\n  throughput: bench/tp.json\n");
        assertEquals(tmp.resolve("bench/tp.json"), t.throughput);
        assertEquals(Path.of("r"), t.output, "a flag is taken as given");
    }

    @Test
    void prepareAndRunReadTheirOwnTypedConfigSoNoDefaultComesFromIt() throws Exception {
        // prepare resolves tokenizer: against the file's folder itself; a default from here would be relative to the working directory
        Path cfg = tmp.resolve("prepare.yaml");
        Files.writeString(cfg, "tokenizer: tok/spm.model\nseed: 7\n");
        String[] args = {"prepare", "--config", cfg.toString(), "-o", "out"};
        CommandLine cl = Kiln.commandLine(args);
        CommandLine.ParseResult pr = cl.parseArgs(args);
        PrepareCommand p = pr.subcommand().commandSpec().commandLine().getCommand();
        assertEquals(null, p.tokenizer);
        assertEquals(1337L, p.common.seed, "the option's own default, not the file's 7 (prepare reads the file itself)");
    }
}
