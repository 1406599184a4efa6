package dev.kiln.cli;

import dev.kiln.dedup.DedupConfig;
import dev.kiln.dedup.DedupJob;
import dev.kiln.dedup.KeepRule;
import dev.kiln.dedup.LshParams;
import dev.kiln.dedup.MinHashConfig;
import dev.kiln.dedup.Shingling;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiln dedup IN... -o OUT}: exact and MinHash-LSH near-duplicate removal over all inputs together,
 * with a cluster report and statistics in the metadata. Maps options onto {@link DedupConfig} and runs
 * {@link DedupJob}.
 */
@Command(name = "dedup", mixinStandardHelpOptions = true,
        description = "Remove exact and near duplicates (MinHash LSH, verified) across all inputs; keeps one per cluster.")
final class DedupCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions in;

    @Parameters(paramLabel = "IN", arity = "1..*", description = "Input files, globs or @lists (deduplicated together, in order).")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "Output file for the kept documents.")
    Path output;

    @Option(names = "--threshold", paramLabel = "J", defaultValue = "0.85",
            description = "Jaccard similarity at or above which documents are duplicates (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--ngram", paramLabel = "N", defaultValue = "5", description = "Shingle length (default: ${DEFAULT-VALUE}).")
    int ngram;

    @Option(names = "--shingle", paramLabel = "KIND", defaultValue = "words",
            description = "Shingles of 'words' (Lucene-normalised) or 'chars' (default: ${DEFAULT-VALUE}).")
    String shingle;

    @Option(names = "--num-perm", paramLabel = "P", defaultValue = "128", description = "MinHash permutations (default: ${DEFAULT-VALUE}).")
    int numPerm;

    @Option(names = "--bands", paramLabel = "B", description = "LSH bands (default: optimised for the threshold; give with --rows).")
    Integer bands;

    @Option(names = "--rows", paramLabel = "R", description = "Rows per band (default: optimised for the threshold; give with --bands).")
    Integer rows;

    @Option(names = "--clusters", paramLabel = "FILE", description = "Write the cluster report (JSONL) here.")
    Path clusters;

    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "2g",
            description = "Heap budget for band records and signatures; beyond it they spill to disk (default: ${DEFAULT-VALUE}).")
    String memory;

    @Option(names = "--keep", paramLabel = "RULE", defaultValue = "first",
            description = "Which document of a cluster to keep: first (input order) or longest (default: ${DEFAULT-VALUE}).")
    String keep;

    @Option(names = "--no-exact", negatable = false, description = "Skip the exact-duplicate pass (near duplicates still catch them).")
    boolean noExact;

    @Option(names = "--tmp", paramLabel = "DIR", description = "Folder for spill files (default: the system temporary folder).")
    Path tmp;

    @Override
    public Integer call() throws Exception {
        MinHashConfig mh = new MinHashConfig(Shingling.valueOf(choice("--shingle", shingle, "words", "chars")), ngram, numPerm, common.seed);
        if ((bands == null) != (rows == null)) {
            throw new IllegalArgumentException("give --bands and --rows together (or neither, to optimise them for --threshold)");
        }
        LshParams lsh = bands == null ? null : new LshParams(bands, rows);
        DedupConfig config = new DedupConfig(mh, threshold, lsh, KeepRule.valueOf(choice("--keep", keep, "first", "longest")),
                !noExact, DedupConfig.parseBytes(memory), common.threads, tmp, DedupConfig.DEFAULT_FAN_IN);
        DedupJob job = new DedupJob(inputs, output, clusters, common.meta, config, in.readOptions(), common.strict, common.allowEmpty);
        Map<String, Object> meta = job.run(common.quiet ? line -> { } : System.err::println);
        if (!common.quiet) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) meta.get("dedup");
            System.out.println();
            for (String k : List.of("docs_in", "docs_written", "exact_duplicates", "near_duplicates", "clusters", "largest_cluster",
                    "candidate_pairs", "verified_pairs", "false_candidates_rejected", "seconds")) {
                System.out.printf(Locale.ROOT, "%-26s %,15" + (s.get(k) instanceof Double ? ".1f" : "d") + "%n", k, s.get(k));
            }
            System.out.println("output:   " + output);
            if (clusters != null) {
                System.out.println("clusters: " + clusters);
            }
            System.out.println("metadata: " + job.metadataPath());
        }
        return 0;
    }

    private static String choice(String option, String value, String... allowed) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!List.of(allowed).contains(v)) {
            throw new IllegalArgumentException(option + " must be one of " + List.of(allowed) + ": " + value);
        }
        return v.toUpperCase(Locale.ROOT);
    }
}
