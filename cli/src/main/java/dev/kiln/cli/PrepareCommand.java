package dev.kiln.cli;

import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.Configs;
import dev.kiln.prepare.Prepare;
import dev.kiln.prepare.PrepareConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @Option(names = "--config", paramLabel = "FILE", description = "prepare.yaml (sources, weights, targets...).")
    Path config;

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
            description = "Token shares, e.g. c4=0.3,wikipedia=0.45,gutenberg=0.25 (the default mix; wikidata 0.05).")
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

    @Option(names = "--seed", paramLabel = "N", description = "Seed of split, shuffle and tokenizer sample (default 1337).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (0 = one per core).")
    Integer threads;

    @Option(names = "--strict", description = "Stop at the first bad input record.")
    boolean strict;

    @Option(names = "--overwrite", description = "Discard a previous run in the output folder and start again.")
    boolean overwrite;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrepareConfig base = config == null ? null : Configs.load(config, PrepareConfig.class);
        List<PrepareConfig.Source> sources = new ArrayList<>();
        Map<String, Double> w = weights == null ? Map.of() : weights;
        addSource(sources, "c4", c4, w.getOrDefault("c4", 0.30));
        addSource(sources, "wikipedia", wikipedia, w.getOrDefault("wikipedia", 0.45));
        addSource(sources, "gutenberg", gutenberg, w.getOrDefault("gutenberg", 0.25));
        addSource(sources, "wikidata", wikidata, w.getOrDefault("wikidata", 0.05));
        if (sources.isEmpty() && base != null) {
            Path dir = config.toAbsolutePath().getParent();
            for (PrepareConfig.Source s : base.sources()) {
                List<String> in = s.inputs().stream().map(p -> p.startsWith("@") ? "@" + dir.resolve(p.substring(1)) : dir.resolve(p).toString()).toList();
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
                seed != null ? seed : base == null ? null : base.seed(),
                format != null ? format : base == null ? null : base.format(),
                base == null ? null : base.boundary(),
                tokensPerShard != null ? tokensPerShard : base == null ? null : base.tokensPerShard(),
                tok, tt, dd,
                threads != null ? threads : base == null ? null : base.threads());
        Prepare.Result r = new Prepare(cfg, output, strict, System.err::println,
                step -> new ProgressReporter(step, quiet)).run(overwrite);
        printSummary(r.meta());
        System.out.println("data_meta: " + r.metaPath());
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

    @SuppressWarnings("unchecked")
    static void printSummary(Map<String, Object> meta) {
        Map<String, Object> clean = (Map<String, Object>) meta.getOrDefault("clean", Map.of());
        Map<String, Object> splits = (Map<String, Object>) meta.getOrDefault("splits", Map.of());
        System.out.println();
        System.out.printf(Locale.ROOT, "%-12s %12s %12s %14s %14s %14s %14s%n", "source", "docs read", "docs kept",
                "train target", "train tokens", "val target", "val tokens");
        System.out.println("-".repeat(100));
        for (String src : clean.keySet()) {
            Map<String, Object> c = (Map<String, Object>) clean.get(src);
            Map<String, Object> tr = sourceOf(splits, "train", src);
            Map<String, Object> va = sourceOf(splits, "val", src);
            System.out.printf(Locale.ROOT, "%-12s %,12d %,12d %,14d %,14d %,14d %,14d%n", src, num(c.get("docs_read")),
                    num(c.get("docs_written")), num(tr.get("target_tokens")), num(tr.get("tokens")), num(va.get("target_tokens")),
                    num(va.get("tokens")));
        }
        for (String part : List.of("train", "val")) {
            Map<String, Object> p = (Map<String, Object>) splits.getOrDefault(part, Map.of());
            System.out.printf(Locale.ROOT, "%s: %,d tokens in %,d documents (target %,d)%n", part, num(p.get("tokens")),
                    num(p.get("documents")), num(p.get("target_tokens")));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sourceOf(Map<String, Object> splits, String part, String src) {
        Map<String, Object> p = (Map<String, Object>) splits.getOrDefault(part, Map.of());
        Map<String, Object> s = (Map<String, Object>) p.getOrDefault("sources", Map.of());
        return (Map<String, Object>) s.getOrDefault(src, new LinkedHashMap<>());
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }
}
