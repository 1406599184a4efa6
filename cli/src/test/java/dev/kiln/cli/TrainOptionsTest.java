package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.trainer.loop.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The training verbs' options reach their {@link TrainConfig}, and their defaults are the builder's. */
class TrainOptionsTest {

    /** The user object of the verb that {@code args} run, parsed as {@link Kiln#execute} parses them. */
    @SuppressWarnings("unchecked")
    private static <T> T parse(String... args) {
        List<CommandLine> chain = Kiln.commandLine(args).parseArgs(args).asCommandLineList();
        return (T) chain.getLast().getCommand();
    }

    @Test
    void trainWithoutTuningFlagsGivesTheBuilderDefaults() {
        TrainCommand c = parse("train", "--data", "d", "-o", "r");
        assertEquals(TrainConfig.builder().build(), c.config());
        assertEquals(TrainConfig.defaults(TrainConfig.DEFAULT_MODEL, TrainConfig.DEFAULT_STEPS), c.config());
    }

    @Test
    void benchTrainDefaultsAreTheBuilderShape() {
        BenchTrainCommand c = parse("bench", "train", "--data", "d");
        TrainConfig cfg = c.config();
        TrainConfig d = TrainConfig.builder().build();
        assertEquals(List.of(d.model(), d.batch(), d.seq(), d.accumulation(), d.stepsPerRun(), d.device(), d.threads(), d.precision()),
                List.of(cfg.model(), cfg.batch(), cfg.seq(), cfg.accumulation(), cfg.stepsPerRun(), cfg.device(), cfg.threads(),
                        cfg.precision()));
        assertEquals(d.stepsPerRun(), cfg.steps(), "one run of K steps");
    }

    @Test
    void shapeAndDeviceFlagsReachBothTrainingVerbs() {
        String[] shape = {"--model", "small", "--batch", "3", "--seq", "64", "--accumulation", "2", "--steps-per-run", "2",
                "--threads", "5", "--precision", "fp32"};
        TrainCommand t = parse(concat(new String[] {"train", "--data", "d", "-o", "r", "--steps", "10"}, shape));
        BenchTrainCommand b = parse(concat(new String[] {"bench", "train", "--data", "d"}, shape));
        for (TrainConfig cfg : List.of(t.config(), b.config())) {
            assertEquals(List.of("small", 3, 64, 2, 2, 5, "fp32"), List.of(cfg.model(), cfg.batch(), cfg.seq(), cfg.accumulation(),
                    cfg.stepsPerRun(), cfg.threads(), cfg.precision()));
        }
        assertEquals(TrainConfig.builder().model("small").batch(3).seq(64).accumulation(2).stepsPerRun(2).threads(5)
                .precision("fp32").steps(10).build(), t.config(), "warm-up clamped to --steps, the rest default");
    }

    @Test
    void configFileReachesTrainAndFlagsWin(@TempDir Path tmp) throws Exception {
        Path yaml = tmp.resolve("job.yaml");
        Files.writeString(yaml, "train:\n  batch: 4\n  seq: 16\n  lr: 0.002\n");
        TrainCommand c = parse("train", "--config", yaml.toString(), "--data", "d", "-o", "r", "--seq", "32");
        assertEquals(TrainConfig.builder().batch(4).seq(32).lr(0.002).build(), c.config());
        assertEquals(yaml, c.config.config);
    }

    @Test
    void configOptionIsWiredIntoEvalAndSample(@TempDir Path tmp) {
        Path yaml = tmp.resolve("job.yaml");
        EvalCommand e = parse("eval", "--config", yaml.toString(), "--checkpoint", "c", "--data", "d");
        assertEquals(yaml, e.config.config);
        SampleCommand s = parse("sample", "--config", yaml.toString(), "--checkpoint", "c", "Once");
        assertEquals(yaml, s.config.config);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
