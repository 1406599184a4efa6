package dev.kiln.cli;

import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.Configs;
import dev.kiln.prepare.Prepare;
import dev.kiln.prepare.PrepareConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import dev.kiln.sharding.DataMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln prepare}: the whole data job, from a {@code prepare.yaml} ({@link PrepareConfig}) or from flags
 * for the common case. Flags override the file.
 */
@Command(name = "prepare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Clean, filter, dedup, split, tokenize, mix by tokens and write shards (nanoGPT .bin and/or "
                + "parameter-golf). Resumable: re-run the same command after an interruption.",
            "Either --config prepare.yaml or source flags (--c4/--wikipedia/--gutenberg/--wikidata) with "
                + "--train-tokens/--val-tokens and --tokenizer or --vocab-size."})
final class PrepareCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Output folder.")
    Path output;

    @Option(names = "--c4", paramLabel = "GLOB", split = ",", description = "C4-style web JSONL inputs.")
    List<String> c4;

    @Option(names = "--wikipedia", paramLabel = "GLOB", split = ",", description = "Wikipedia (wikitext) inputs.")
    List<String> wikipedia;

    @Option(names = "--gutenberg", paramLabel = "GLOB", split = ",", description = "Project Gutenberg books (text files or folders).")
    List<String> gutenberg;

    @Option(names = "--wikidata", paramLabel = "GLOB", split = ",", description = "Wikidata triples (TSV, JSON dumps).")
    List<String> wikidata;

    @Option(names = "--weights", paramLabel = "SRC=W", split = ",",
            description = "Token shares, e.g. c4=0.3 (default: the reference mix c4=" + PrepareConfig.C4_WEIGHT + ", wikipedia="
                    + PrepareConfig.WIKIPEDIA_WEIGHT + ", gutenberg=" + PrepareConfig.GUTENBERG_WEIGHT + ", wikidata="
                    + PrepareConfig.WIKIDATA_WEIGHT + ").")
    Map<String, Double> weights;

    @Option(names = "--profile", paramLabel = "NAME", description = "Filter profile for every flag source (default kiln).")
    String profile;

    @Option(names = "--train-tokens", paramLabel = "N", description = "Tokens in the train split.")
    Long trainTokens;

    @Option(names = "--val-tokens", paramLabel = "N", description = "Tokens in the validation split.")
    Long valTokens;

    @Option(names = "--tokenizer", paramLabel = "MODEL", description = "An existing SentencePiece model (file or folder).")
    String tokenizer;

    @Option(names = "--vocab-size", paramLabel = "N", description = "Train a tokenizer of N pieces on the train split.")
    Integer vocabSize;

    @Option(names = "--preset", paramLabel = "NAME", description = "Tokenizer preset when training: reference (default) or golf.")
    String preset;

    @Option(names = "--format", paramLabel = "FMT", description = "bin (default), golf or both.")
    String format;

    @Option(names = "--tokens-per-shard", paramLabel = "N", description = "Golf shard size (default 100,000,000).")
    Long tokensPerShard;

    @Option(names = "--no-dedup", description = "Skip near-duplicate removal.")
    boolean noDedup;

    @Option(names = "--exact-mix",
            description = "When a source runs dry, leave the split short instead of filling it from the other sources by weight.")
    boolean exactMix;

    @Option(names = "--rejects", description = "Keep each source's dropped documents (stage, reason, value) in OUT/rejects/.")
    boolean rejects;

    @Option(names = "--encoder", paramLabel = "NAME",
            description = "Tokenizing encoder: java (default; kiln's exact BPE, same ids as SentencePiece, faster) or jni (SentencePiece).")
    String encoder;

    @Option(names = "--overwrite", description = "Discard a previous run in the output folder and start again.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        Path config = common.config;
        PrepareConfig base = config == null ? null : Configs.load(config, PrepareConfig.class);
        List<PrepareConfig.Source> sources = new ArrayList<>();
        Map<String, Double> w = weights == null ? Map.of() : weights;
        for (String kind : List.of("c4", "wikipedia", "gutenberg", "wikidata")) {
            List<String> in = switch (kind) {
                case "c4" -> c4;
                case "wikipedia" -> wikipedia;
                case "gutenberg" -> gutenberg;
                default -> wikidata;
            };
            addSource(sources, kind, in, w.getOrDefault(kind, PrepareConfig.DEFAULT_WEIGHTS.get(kind)));
        }
        if (sources.isEmpty() && base != null) {
            Path dir = config.toAbsolutePath().getParent();
            for (PrepareConfig.Source s : base.sources()) {
                List<String> in = s.inputs().stream().map(p -> PrepareConfig.resolveInput(dir, p)).toList();
                sources.add(new PrepareConfig.Source(s.name(), s.kind(), in, w.getOrDefault(s.name(), s.weight()), s.profile(),
                        s.textField(), s.idField()));
            }
        }
        if (base == null && (trainTokens == null || valTokens == null)) {
            throw new ConfigException("give --train-tokens and --val-tokens (or --config prepare.yaml)");
        }
        if (base == null && tokenizer == null && vocabSize == null) {
            throw new ConfigException("give --tokenizer MODEL or --vocab-size N (or --config prepare.yaml)");
        }
        PrepareConfig.TokenizerTraining tt = base == null ? null : base.tokenizerTraining();
        if (vocabSize != null || preset != null) {
            tt = new PrepareConfig.TokenizerTraining(vocabSize != null ? vocabSize : tt == null ? null : tt.vocabSize(),
                    preset != null ? preset : tt == null ? null : tt.preset(), tt == null ? null : tt.maxDocuments());
        }
        PrepareConfig.Dedup dd = base == null ? null : base.dedup();
        if (noDedup) {
            dd = new PrepareConfig.Dedup(false, dd == null ? null : dd.threshold(), dd == null ? null : dd.ngram(),
                    dd == null ? null : dd.numPerm(), dd == null ? null : dd.memoryMb());
        }
        String tok = tokenizer != null ? tokenizer : base == null ? null : base.tokenizer();
        if (tok != null && base != null && tokenizer == null && !Path.of(tok).isAbsolute()) {
            tok = config.toAbsolutePath().getParent().resolve(tok).toString();
        }
        PrepareConfig cfg = new PrepareConfig(sources,
                trainTokens != null ? trainTokens : base.trainTokens(),
                valTokens != null ? valTokens : base.valTokens(),
                base == null ? null : base.valFraction(),
                given("--seed") || base == null ? (Long) common.seed : base.seed(),
                format != null ? format : base == null ? null : base.format(),
                base == null ? null : base.boundary(),
                tokensPerShard != null ? tokensPerShard : base == null ? null : base.tokensPerShard(),
                tok, tt, dd,
                given("--threads") || base == null ? (Integer) common.threads : base.threads(),
                exactMix ? Boolean.TRUE : base == null ? null : base.exactMix(),
                rejects ? Boolean.TRUE : base == null ? null : base.rejects(),
                encoder != null ? encoder : base == null ? null : base.encoder());
        Prepare.Result r = new Prepare(cfg, output, common.strict, common.allowEmpty, System.err::println,
                step -> new ProgressReporter(step, common.quiet)).run(overwrite);
        printSummary(r.meta());
        System.out.println("data_meta: " + r.metaPath());
        if (common.meta != null) {
            dev.kiln.core.io.AtomicFile.write(common.meta, java.nio.file.Files.readAllBytes(r.metaPath()));
            System.out.println("data_meta copy: " + common.meta);
        }
        java.nio.file.Path manifest = r.metaPath().resolveSibling(dev.kiln.sharding.GolfManifest.FILE);
        if (java.nio.file.Files.isRegularFile(manifest)) {
            System.out.println("golf manifest: " + manifest);
        }
        return 0;
    }

    private void addSource(List<PrepareConfig.Source> sources, String name, List<String> inputs, double weight) {
        if (inputs != null && !inputs.isEmpty()) {
            sources.add(new PrepareConfig.Source(name, name, inputs, weight, name.equals("wikidata") ? null : profile, null, null));
        }
    }

    /** True when option {@code name} was given on the command line (else prepare.yaml's value wins). */
    private boolean given(String name) {
        return spec.commandLine().getParseResult().hasMatchedOption(name);
    }

    /** The table printed at the end: per source what was read, kept and mixed; per split the totals. */
    static void printSummary(DataMeta meta) {
        Map<String, Object> clean = meta.clean() == null ? Map.of() : meta.clean();
        System.out.println();
        System.out.printf(Locale.ROOT, "%-12s %12s %12s %14s %14s %14s %14s%n", "source", "docs read", "docs kept",
                "train target", "train tokens", "val target", "val tokens");
        System.out.println("-".repeat(100));
        for (String src : clean.keySet()) {
            Map<?, ?> c = clean.get(src) instanceof Map<?, ?> m ? m : Map.of();
            DataMeta.SourceShare tr = shareOf(meta, "train", src);
            DataMeta.SourceShare va = shareOf(meta, "val", src);
            System.out.printf(Locale.ROOT, "%-12s %,12d %,12d %,14d %,14d %,14d %,14d%n", src, num(c.get("docs_read")),
                    num(c.get("docs_written")), tr.targetTokens() + fill(tr), tr.tokens(), va.targetTokens() + fill(va), va.tokens());
        }
        for (String part : List.of("train", "val")) {
            DataMeta.SplitResult p = meta.splitResult(part);
            if (p != null) {
                System.out.printf(Locale.ROOT, "%s: %,d tokens in %,d documents (target %,d)%n", part, p.tokens(), p.documents(),
                        p.targetTokens());
            }
        }
    }

    private static DataMeta.SourceShare shareOf(DataMeta meta, String part, String src) {
        DataMeta.SplitResult p = meta.splitResult(part);
        DataMeta.SourceShare s = p == null || p.sources() == null ? null : p.sources().get(src);
        return s != null ? s : new DataMeta.SourceShare(0, null, 0, 0, 0, false);
    }

    private static long fill(DataMeta.SourceShare s) {
        return s.fillTokens() == null ? 0 : s.fillTokens();
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }
}
