package dev.kiln.spark;

import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.Configs;
import dev.kiln.core.io.Inputs;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.steps.StepExecutor;
import dev.kiln.core.util.FileTrees;
import dev.kiln.prepare.Prepare;
import dev.kiln.prepare.PrepareConfig;
import dev.kiln.sharding.DataMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spark-submit --class dev.kiln.spark.PrepareJob kiln-spark.jar --config prepare.yaml -o OUT}, and
 * {@code ./kiln spark prepare ...} in local mode: {@code kiln prepare} with steps 1 to 5 on Spark
 * ({@link SparkEngine}), the same {@code prepare.yaml} keys, the same outputs byte for byte. Resumable like
 * {@code kiln prepare}: re-run the same command after a failure.
 */
@Command(name = "kiln spark prepare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "kiln prepare on Apache Spark: clean, dedup, tokenizer counts and encoding distributed; "
                + "the same prepare.yaml and the same bytes as the single-JVM run.")
public final class PrepareJob implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "The prepare.yaml (paths relative to it).")
    Path config;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "Output folder: a Hadoop URI (hdfs://, s3a:// with hadoop-aws), or a local path every executor sees under the same name.")
    String output;

    @Option(names = "--staging", paramLabel = "DIR",
            description = "For a URI output: the driver's local folder for step markers, tokenizer and shards before they are published "
                    + "(default: one per output URI in java.io.tmpdir, so a re-run on the same host resumes).")
    Path staging;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not set by spark-submit, e.g. local[4] (default: spark.master, else local[*]).")
    String master;

    @Option(names = "--strict", description = "Fail on the first bad input record.")
    boolean strict;

    @Option(names = "--allow-empty", description = "Go on when an input gives only bad records or a source yields nothing.")
    boolean allowEmpty;

    @Option(names = "--overwrite", description = "Discard a previous run in the output folder and start again.")
    boolean overwrite;

    /** Runs the job; exit code 0 on success, 1 on a failed run, 2 on bad arguments. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** As {@link #main} without exiting. */
    public static int execute(String... args) {
        return new CommandLine(new PrepareJob()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            System.err.println("kiln spark prepare: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrepareConfig cfg = load(config);
        SparkConf conf = sparkConf(master);
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            System.out.println("data_meta: " + run(sc, cfg, output, staging, strict, allowEmpty, overwrite));
        }
        return 0;
    }

    /** Runs {@code kiln prepare} for {@code cfg} into the local folder {@code out} on {@code sc}. */
    public static Prepare.Result run(JavaSparkContext sc, PrepareConfig cfg, Path out, boolean strict, boolean allowEmpty,
                                     boolean overwrite) throws IOException {
        return new Prepare(cfg, out, strict, allowEmpty, System.err::println, step -> Progress.Listener.NONE, new SparkEngine(sc))
                .run(overwrite);
    }

    /**
     * Runs {@code kiln prepare} for {@code cfg} into {@code output} on {@code sc}: a local path (or
     * {@code file://}) as {@link #run(JavaSparkContext, PrepareConfig, Path, boolean, boolean, boolean)}; a
     * Hadoop URI through the driver's {@code staging} folder ({@code null}: the default one), published
     * when the run is finished. Returns where {@code data_meta.json} is.
     */
    public static String run(JavaSparkContext sc, PrepareConfig cfg, String output, Path staging, boolean strict, boolean allowEmpty,
                             boolean overwrite) throws IOException {
        if (!HadoopInputs.remote(output)) {
            return run(sc, cfg, Path.of(Inputs.localPath(output)), strict, allowEmpty, overwrite).metaPath().toString();
        }
        Consumer<String> log = System.err::println;
        RemoteOutput remote = RemoteOutput.open(output, sc.hadoopConfiguration(), log);
        remote.checkInputs(cfg);
        Path stage = (staging != null ? staging : RemoteOutput.defaultStaging(remote.uri())).toAbsolutePath();
        if (remote.finished() || overwrite) {
            if (!overwrite) {
                throw new ConfigException(remote.uri() + " already holds a finished run (data_meta.json). HINT: use --overwrite to rebuild it");
            }
            remote.clear(cfg);
            FileTrees.deleteTree(stage);
        }
        if (Files.exists(stage.resolve(DataMeta.FILE)) && !finishedWith(stage, cfg)) {
            log.accept("spark: " + stage + " holds a finished run of another configuration; starting again");
            FileTrees.deleteTree(stage);
        }
        if (Files.exists(stage.resolve(DataMeta.FILE))) {
            log.accept("spark: the run in " + stage + " is finished; publishing it");
        } else {
            if (!Files.isDirectory(stage.resolve(StepExecutor.WORK))) {
                remote.clearWork();
            }
            log.accept("spark: output " + remote.uri() + ", staged on the driver in " + stage);
            OutputFolder folder = OutputFolder.remote(remote.uri(), stage, sc.broadcast(HadoopInputs.serialize(sc.hadoopConfiguration())));
            new Prepare(cfg, stage, strict, allowEmpty, log, step -> Progress.Listener.NONE, new SparkEngine(sc, folder)).run(false);
        }
        remote.publish(stage, cfg);
        return remote.uri() + "/" + DataMeta.FILE;
    }

    /** Whether the finished run staged in {@code stage} was made with {@code cfg} (a publish that failed, re-run). */
    private static boolean finishedWith(Path stage, PrepareConfig cfg) throws IOException {
        com.fasterxml.jackson.databind.JsonNode staged = Configs.JSON.readTree(stage.resolve(DataMeta.FILE).toFile()).get("config");
        return Configs.JSON.readTree(Configs.JSON.writeValueAsString(cfg)).equals(staged);
    }

    /** The configuration in {@code file}, its input paths and tokenizer resolved against the file's folder. */
    static PrepareConfig load(Path file) throws IOException {
        PrepareConfig base = Configs.load(file, PrepareConfig.class);
        Path dir = file.toAbsolutePath().getParent();
        List<PrepareConfig.Source> sources = base.sources().stream().map(s -> new PrepareConfig.Source(s.name(), s.kind(),
                s.inputs().stream().map(p -> PrepareConfig.resolveInput(dir, p)).toList(),
                s.weight(), s.profile(), s.textField(), s.idField())).toList();
        String tok = base.tokenizer() == null ? null : dir.resolve(base.tokenizer()).toString();
        return new PrepareConfig(sources, base.trainTokens(), base.valTokens(), base.valFraction(), base.seed(), base.format(),
                base.boundary(), base.tokensPerShard(), tok, base.tokenizerTraining(), base.dedup(), base.threads(), base.exactMix(),
                base.rejects(), base.encoder());
    }

    /**
     * Kiln's Spark settings: the master (if given and spark-submit set none), no web UI, and in local mode the
     * driver bound to loopback, so a local run opens no port beyond 127.0.0.1.
     */
    public static SparkConf sparkConf(String master) {
        SparkConf conf = new SparkConf().setAppName("kiln prepare");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1").setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.ui.enabled", "false");
        }
        return conf;
    }
}
