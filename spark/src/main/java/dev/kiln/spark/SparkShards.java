package dev.kiln.spark;

import dev.kiln.core.steps.StepExecutor;
import dev.kiln.prepare.MixAssembler;
import dev.kiln.prepare.PrepareEngine;
import dev.kiln.prepare.ShardAssembly;
import dev.kiln.prepare.ShuffleSpill;
import dev.kiln.prepare.Split;
import dev.kiln.sharding.BinShardWriter;
import dev.kiln.sharding.DataMeta;
import dev.kiln.sharding.GolfManifest;
import dev.kiln.sharding.GolfShards;
import dev.kiln.sharding.TokenDtype;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Step 5 of {@code kiln prepare} on Spark, one split at a time, with {@link MixAssembler}'s quota rule and
 * the bytes of {@link ShardAssembly}:
 * <ol>
 *   <li>a task per shuffle bucket sums each source's tokens and documents by the top {@value #BIN_BITS} bits of
 *       the pick hash (only the merged histogram reaches the driver), which gives every source's available
 *       tokens, its filled quota and the one histogram bin where its quota is reached;</li>
 *   <li>a task per bucket returns the documents of those bins only (pick, sequence, tokens); the driver walks
 *       each source's bin in pick order from the tokens taken before it ({@link MixAssembler#take}), which
 *       gives the same cutoff as walking the whole source;</li>
 *   <li>a task per bucket writes its taken documents in key order as a {@code .bin}/{@code .idx} part;</li>
 *   <li>a task per golf shard writes that shard from the parts that hold its tokens;</li>
 *   <li>the driver joins the parts into {@code <split>.bin} and {@code <split>.idx} (offsets moved by the
 *       tokens before each part) in one sequential copy on the output's file system.</li>
 * </ol>
 * Buckets cut the key order into ranges, so the parts in bucket order are the split in key order, whatever
 * the number of buckets. Every task writes under its attempt folder, committed once ({@link TaskAttempts}).
 */
final class SparkShards {

    /** Histogram bins per source: 2^12, so the driver collects about 1/4096 of a source's documents. */
    static final int BIN_BITS = 12;
    private static final int BINS = 1 << BIN_BITS;

    private final JavaSparkContext sc;
    private final PrepareEngine.Context ctx;
    private final OutputFolder folder;

    SparkShards(JavaSparkContext sc, PrepareEngine.Context ctx, OutputFolder folder) {
        this.sc = sc;
        this.ctx = ctx;
        this.folder = folder;
    }

    /** One bucket of one split: its number and its files (driver paths, one per spill that has it). */
    private record Bucket(int index, List<String> files, OutputFolder folder) implements Serializable {
    }

    /** A written part: its tokens and documents, and the attempt folder holding it. */
    private record Part(long tokens, long documents, String attempt) implements Serializable {
    }

    /** A piece of a part that a golf shard holds: the part's {@code .bin} and a token range of it. */
    private record Piece(String bin, long from, long to) implements Serializable {
    }

    /** A golf shard task: its index, its file and its pieces. */
    private record GolfJob(int index, String file, List<Piece> pieces, OutputFolder folder) implements Serializable {
    }

    PrepareEngine.ShardOutcome run(PrepareEngine.ShardSpec spec, Split.Part part) throws IOException {
        ShardAssembly assembly = spec.assembly();
        List<String> sources = assembly.sources();
        int n = sources.size();
        long t0 = System.nanoTime();
        List<Bucket> buckets = buckets(spec, part);
        String label = part.label();
        int slices = Math.max(1, buckets.size());

        // 1. available tokens per source and histogram bin
        long[] hist = buckets.isEmpty() ? new long[2 * n * BINS] : SparkErrors.call(() -> sc.parallelize(buckets, slices)
                .map(b -> histogram(b, n)).treeReduce(SparkShards::sum));
        long[] target = MixAssembler.targets(sources, assembly.quotas(part));
        long[] available = new long[n];
        for (int s = 0; s < n; s++) {
            for (int bin = 0; bin < BINS; bin++) {
                available[s] += hist[s * BINS + bin];
            }
        }
        java.util.Map<String, Double> fill = assembly.fillWeights();
        long[] quota = fill == null ? target.clone() : MixAssembler.fill(sources, target, available, fill);

        // 2. each source's cutoff, from the documents of the bin where its quota is reached
        int[] critical = new int[n];
        long[] tokensBefore = new long[n];
        long[] docsBefore = new long[n];
        for (int s = 0; s < n; s++) {
            critical[s] = -1;
            if (quota[s] <= 0) {
                continue;
            }
            long tokens = 0;
            long docs = 0;
            for (int bin = 0; bin < BINS; bin++) {
                long bt = hist[s * BINS + bin];
                long bd = hist[(n + s) * BINS + bin];
                if (bd == 0) {
                    continue;
                }
                critical[s] = bin;
                tokensBefore[s] = tokens;
                docsBefore[s] = docs;
                if (tokens + bt >= quota[s]) {
                    break;
                }
                tokens += bt;
                docs += bd;
            }
        }
        List<long[]> inBins = buckets.isEmpty() ? List.of() : SparkErrors.call(() -> sc.parallelize(buckets, slices)
                .flatMap(b -> inCriticalBins(b, critical).iterator()).collect());
        List<List<MixAssembler.Pick>> picks = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            picks.add(new ArrayList<>());
        }
        for (long[] d : inBins) {
            picks.get((int) d[0]).add(new MixAssembler.Pick(d[1], d[2], d[3]));
        }
        MixAssembler.Taken[] taken = new MixAssembler.Taken[n];
        long[] cutoffs = new long[3 * n];
        long tokensTaken = 0;
        for (int s = 0; s < n; s++) {
            List<MixAssembler.Pick> list = picks.get(s);
            list.sort(MixAssembler.PICK_ORDER);
            taken[s] = critical[s] < 0 ? new MixAssembler.Taken(0, 0, null) : MixAssembler.take(list, tokensBefore[s], docsBefore[s], quota[s]);
            if (taken[s].last() != null) {
                cutoffs[3 * s] = 1;
                cutoffs[3 * s + 1] = taken[s].last().pick();
                cutoffs[3 * s + 2] = taken[s].last().seq();
            }
            tokensTaken += taken[s].tokens();
        }

        // 3. the parts, a task per bucket
        Path partsDir = ctx.steps().work().resolve("shards").resolve(label);
        Broadcast<long[]> cut = sc.broadcast(cutoffs);
        TokenDtype dtype = spec.dtype();
        String dir = partsDir.toString();
        List<Part> parts = buckets.isEmpty() ? List.of() : TaskProgress.track(sc, "shards " + label, buckets.size(), ctx.log(),
                () -> sc.parallelize(buckets, slices).map(b -> writePart(b, cut.value(), dtype, dir)).collect());
        folder.commit(parts.stream().map(Part::attempt).toList(), "shards", StepExecutor.WORK + "/shards/" + label);
        long tokens = 0;
        long documents = 0;
        List<Path> partBins = new ArrayList<>();
        List<Long> partTokens = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            tokens += parts.get(i).tokens();
            documents += parts.get(i).documents();
            partBins.add(partsDir.resolve(partName(buckets.get(i).index()) + ".bin"));
            partTokens.add(parts.get(i).tokens());
        }
        if (tokens != tokensTaken) {
            throw new IOException("spark: the " + label + " parts hold " + tokens + " tokens, the cutoffs took " + tokensTaken);
        }

        // 4. golf shards, a task each; 5. the .bin and .idx joined
        List<DataMeta.FileEntry> files = new ArrayList<>();
        Integer golfFiles = null;
        if (assembly.config().writesBin()) {
            files.addAll(join(partsDir, buckets, parts, label, dtype));
        }
        if (assembly.config().writesGolf()) {
            List<DataMeta.FileEntry> golf = golf(partBins, partTokens, label, assembly.config().tokensPerShard());
            golfFiles = golf.size();
            files.addAll(golf);
        }
        List<MixAssembler.SourceResult> results = MixAssembler.results(sources, target, quota, taken);
        double secs = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
        ctx.log().accept(String.format(Locale.ROOT, "spark: %s shards: %,d documents, %,d tokens from %d buckets in %.1f s: %,.0f tokens/s",
                label, documents, tokens, buckets.size(), secs, tokens / secs));
        return new PrepareEngine.ShardOutcome(assembly.result(part, tokens, documents, results, golfFiles), files);
    }

    private List<Bucket> buckets(PrepareEngine.ShardSpec spec, Split.Part part) throws IOException {
        List<Path> all = new ArrayList<>();
        int count = ShuffleSpill.buckets(spec.bits());
        for (int b = 0; b < count; b++) {
            for (Path d : spec.spillDirs()) {
                all.add(ShuffleSpill.file(d, part, b));
            }
        }
        java.util.Set<Path> there = new java.util.HashSet<>(folder.existing(ctx.steps().work().resolve("spill"), all));
        List<Bucket> out = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            List<String> files = new ArrayList<>();
            for (Path d : spec.spillDirs()) {
                Path f = ShuffleSpill.file(d, part, b);
                if (there.contains(f)) {
                    files.add(f.toString());
                }
            }
            if (!files.isEmpty()) {
                out.add(new Bucket(b, files, folder));
            }
        }
        return out;
    }

    private static String partName(int bucket) {
        return String.format(Locale.ROOT, "%05d", bucket);
    }

    private static int bin(long pick) {
        return (int) (pick >>> (64 - BIN_BITS));
    }

    /** Tokens (first {@code n × BINS}) and documents (next {@code n × BINS}) per source and bin of one bucket. */
    private static long[] histogram(Bucket b, int n) throws IOException {
        long[] h = new long[2 * n * BINS];
        try (OutputFolder.TaskFiles t = b.folder().task()) {
            for (String f : b.files()) {
                ShuffleSpill.scanHeaders(t.open(f), (pick, seq, source, tokens) -> {
                    h[source * BINS + bin(pick)] += tokens;
                    h[(n + source) * BINS + bin(pick)]++;
                });
            }
        }
        return h;
    }

    private static long[] sum(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    /** The documents of one bucket in their source's critical bin: {source, pick, seq, tokens}. */
    private static List<long[]> inCriticalBins(Bucket b, int[] critical) throws IOException {
        List<long[]> out = new ArrayList<>();
        try (OutputFolder.TaskFiles t = b.folder().task()) {
            for (String f : b.files()) {
                ShuffleSpill.scanHeaders(t.open(f), (pick, seq, source, tokens) -> {
                    if (critical[source] == bin(pick)) {
                        out.add(new long[] {source, pick, seq, tokens});
                    }
                });
            }
        }
        return out;
    }

    /** Writes the taken documents of one bucket, in key order, as part {@code NNNNN.bin/.idx} of {@code dir}. */
    private static Part writePart(Bucket b, long[] cutoffs, TokenDtype dtype, String dir) throws IOException {
        try (OutputFolder.TaskFiles t = b.folder().task()) {
            List<Path> local = new ArrayList<>();
            for (String f : b.files()) {
                local.add(t.read(f));
            }
            t.attempt("shards");
            MixAssembler.Taken[] taken = new MixAssembler.Taken[cutoffs.length / 3];
            for (int s = 0; s < taken.length; s++) {
                taken[s] = new MixAssembler.Taken(0, 0, cutoffs[3 * s] == 0 ? null : new MixAssembler.Pick(cutoffs[3 * s + 1], cutoffs[3 * s + 2], 0));
            }
            try (BinShardWriter w = BinShardWriter.open(t.inside(dir), partName(b.index()), dtype)) {
                for (ShuffleSpill.Entry e : ShuffleSpill.bucket(local)) {
                    if (taken[e.source()].includes(e.pick(), e.seq())) {
                        w.writeDocument(e.ids());
                    }
                }
                w.commit();
                return new Part(w.tokens(), w.documents(), t.done());
            }
        }
    }

    /** Joins the committed parts into {@code <split>.bin} and {@code <split>.idx} of the output folder. */
    private List<DataMeta.FileEntry> join(Path partsDir, List<Bucket> buckets, List<Part> parts, String label, TokenDtype dtype)
            throws IOException {
        Path bin = ctx.out().resolve(label + ".bin");
        Path idx = ctx.out().resolve(label + ".idx");
        long tokens = 0;
        long documents = 0;
        try (OutputFolder.Created b = folder.create(bin); OutputFolder.Created x = folder.create(idx)) {
            ByteBuffer off = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < parts.size(); i++) {
                String name = partName(buckets.get(i).index());
                try (InputStream in = folder.open(partsDir.resolve(name + ".bin"))) {
                    in.transferTo(b.stream());
                }
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(folder.open(partsDir.resolve(name + ".idx")), 1 << 16))) {
                    while (true) {
                        long o;
                        try {
                            o = Long.reverseBytes(in.readLong());
                        } catch (EOFException e) {
                            break;
                        }
                        off.clear();
                        off.putLong(0, tokens + o);
                        x.stream().write(off.array(), 0, 8);
                        documents++;
                    }
                }
                tokens += parts.get(i).tokens();
            }
            b.commit();
            x.commit();
        }
        return List.of(new DataMeta.FileEntry(bin.toString(), tokens * dtype.bytes()), new DataMeta.FileEntry(idx.toString(), 8 * documents));
    }

    /** Writes the split's golf shards, a task per shard, each from the parts holding its tokens. */
    private List<DataMeta.FileEntry> golf(List<Path> partBins, List<Long> partTokens, String label, long perShard) throws IOException {
        long total = partTokens.stream().mapToLong(Long::longValue).sum();
        List<GolfJob> jobs = new ArrayList<>();
        List<DataMeta.FileEntry> files = new ArrayList<>();
        for (int k = 0; (long) k * perShard < total; k++) {
            long from = k * perShard;
            long to = Math.min(total, from + perShard);
            List<Piece> pieces = new ArrayList<>();
            long at = 0;
            for (int i = 0; i < partBins.size(); i++) {
                long lo = Math.max(from, at);
                long hi = Math.min(to, at + partTokens.get(i));
                if (lo < hi) {
                    pieces.add(new Piece(partBins.get(i).toString(), lo - at, hi - at));
                }
                at += partTokens.get(i);
            }
            Path file = ctx.out().resolve(GolfShards.fileName(GolfManifest.PREFIX, label, k));
            jobs.add(new GolfJob(k, file.toString(), pieces, folder));
            files.add(new DataMeta.FileEntry(file.toString(), GolfShards.HEADER_BYTES + 2 * (to - from)));
        }
        if (jobs.isEmpty()) {
            return files;
        }
        List<String> attempts = TaskProgress.track(sc, "golf " + label, jobs.size(), ctx.log(),
                () -> sc.parallelize(jobs, jobs.size()).map(SparkShards::writeGolf).collect());
        folder.commit(attempts, "golf", null);
        return files;
    }

    /** Writes one golf shard into the task's attempt: the header, then each piece's byte range read where its part is (no copy of the parts). */
    private static String writeGolf(GolfJob j) throws IOException {
        try (OutputFolder.TaskFiles t = j.folder().task()) {
            long count = 0;
            for (Piece p : j.pieces()) {
                count += p.to() - p.from();
            }
            t.attempt("golf");
            Path target = t.inside(j.file());
            Files.createDirectories(target.getParent());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW), 1 << 20)) {
                out.write(GolfShards.header(count).array());
                for (Piece p : j.pieces()) {
                    try (InputStream in = t.open(p.bin())) {
                        in.skipNBytes(2 * p.from());
                        long left = 2 * (p.to() - p.from());
                        byte[] buf = new byte[1 << 16];
                        while (left > 0) {
                            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                            if (r < 0) {
                                throw new EOFException(p.bin() + ": ends before token " + p.to() + " (a part shorter than its task reported)");
                            }
                            out.write(buf, 0, r);
                            left -= r;
                        }
                    }
                }
            }
            long size = Files.size(target);
            if (size != GolfShards.HEADER_BYTES + 2 * count) {
                throw new IOException(j.file() + ": wrote " + size + " bytes, expected " + (GolfShards.HEADER_BYTES + 2 * count));
            }
            return t.done();
        }
    }
}
