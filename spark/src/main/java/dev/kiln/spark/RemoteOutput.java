package dev.kiln.spark;

import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.Configs;
import dev.kiln.core.io.FileErrors;
import dev.kiln.core.steps.StepExecutor;
import dev.kiln.core.util.FileTrees;
import dev.kiln.core.util.Hashes;
import dev.kiln.prepare.Prepare;
import dev.kiln.prepare.PrepareConfig;
import dev.kiln.sharding.DataMeta;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * The driver's side of an output folder on a Hadoop file system ({@code hdfs://}, {@code s3a://}): is a
 * finished run there, clear it for {@code --overwrite}, and publish a run finished in the local staging
 * folder. The shards are already there (written by the tasks and the driver's join, {@link SparkShards});
 * publishing uploads every other output file under a temporary name and renames it into place,
 * {@code data_meta.json} last, so the remote folder holds a finished run only when all of it is there;
 * paths of the staging folder in the JSON files are rewritten to the remote URI.
 */
final class RemoteOutput {

    private static final String TMP = ".kiln-tmp";

    private final String uri;
    private final FileSystem fs;
    private final Consumer<String> log;

    private RemoteOutput(String uri, FileSystem fs, Consumer<String> log) {
        this.uri = uri;
        this.fs = fs;
        this.log = log;
    }

    /** The output folder {@code output} (a URI) on its Hadoop file system, qualified, without a trailing slash. */
    static RemoteOutput open(String output, Configuration conf, Consumer<String> log) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(output);
        FileSystem fs = HadoopInputs.fileSystem(output, conf);
        return new RemoteOutput(fs.makeQualified(p).toString(), fs, log); // Hadoop's Path drops a trailing slash
    }

    /** The qualified URI of the folder. */
    String uri() {
        return uri;
    }

    /** The default staging folder on the driver: one per output URI under the JVM's temporary folder, so a re-run on the same host resumes. */
    static Path defaultStaging(String uri) {
        return Path.of(System.getProperty("java.io.tmpdir"), "kiln-spark-staging-" + Hashes.sha256(uri.getBytes(StandardCharsets.UTF_8)).substring(0, 12));
    }

    /** Refuses a configuration with an input inside the output folder (an overwrite would delete it). */
    void checkInputs(PrepareConfig cfg) throws IOException {
        for (PrepareConfig.Source s : cfg.sources()) {
            for (String in : s.inputs()) {
                if (!HadoopInputs.remote(in)) {
                    continue;
                }
                org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(in);
                String q;
                try {
                    q = p.getFileSystem(fs.getConf()).makeQualified(p).toString();
                } catch (IOException e) {
                    continue; // the input's own error comes when it is listed
                }
                if (q.equals(uri) || q.startsWith(uri + "/")) {
                    throw new ConfigException("the output folder " + uri + " holds input " + in + ". HINT: write the output somewhere else");
                }
            }
        }
    }

    /** Whether a finished run ({@code data_meta.json}) is there. */
    boolean finished() throws IOException {
        return fs.exists(path(DataMeta.FILE));
    }

    /** Deletes what a run with {@code cfg} writes there, {@code data_meta.json} first, and the work folder. */
    void clear(PrepareConfig cfg) throws IOException {
        fs.delete(path(DataMeta.FILE), false);
        for (String name : entries()) {
            if (Prepare.isOutput(name, cfg) || name.equals(StepExecutor.WORK)) {
                fs.delete(path(name), true);
            }
        }
    }

    /** Deletes the remote work folder (left by a run whose staging folder is gone: its step markers with it). */
    void clearWork() throws IOException {
        if (fs.delete(path(StepExecutor.WORK), true)) {
            log.accept("spark: " + uri + "/" + StepExecutor.WORK + " from a run without its staging folder deleted; starting again");
        }
    }

    /**
     * Uploads the run finished in {@code staging} (its work folder excluded), {@code data_meta.json} last,
     * each file under a temporary name renamed into place; deletes what an earlier run of {@code cfg} left
     * that this one did not write (except the rejects, which the clean tasks committed there), then the
     * remote work folder and the staging folder.
     */
    void publish(Path staging, PrepareConfig cfg) throws IOException {
        List<Path> files = new ArrayList<>();
        Path work = staging.resolve(StepExecutor.WORK);
        try (Stream<Path> s = Files.walk(staging)) {
            s.filter(Files::isRegularFile).filter(p -> !p.startsWith(work)).sorted().forEach(files::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Path meta = staging.resolve(DataMeta.FILE);
        files.remove(meta);
        files.add(meta);
        Set<String> top = new HashSet<>();
        files.forEach(f -> top.add(staging.relativize(f).getName(0).toString()));
        for (DataMeta.FileEntry e : DataMeta.read(staging).outputs()) {
            Path p = Path.of(e.path()).toAbsolutePath();
            if (p.startsWith(staging.toAbsolutePath())) {
                top.add(staging.toAbsolutePath().relativize(p).getName(0).toString()); // the shards, already written there
            }
        }
        for (String name : entries()) {
            if (Prepare.isOutput(name, cfg) && !top.contains(name) && !name.equals("rejects")) {
                fs.delete(path(name), true);
            }
        }
        String from = json(staging.toAbsolutePath().toString());
        String to = json(uri);
        long bytes = 0;
        for (Path f : files) {
            String rel = staging.relativize(f).toString().replace('\\', '/');
            org.apache.hadoop.fs.Path target = path(rel);
            org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(target.getParent(), "." + target.getName() + TMP);
            try (OutputStream o = fs.create(tmp, true)) {
                if (rel.endsWith(".json")) {
                    byte[] b = Files.readString(f, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
                    o.write(b);
                    bytes += b.length;
                } else {
                    bytes += Files.copy(f, o); // streamed: a shard can be larger than an array
                }
            } catch (IOException e) {
                throw new IOException(tmp + ": cannot write it: " + FileErrors.describe(e), e);
            }
            OutputFolder.move(fs, tmp, target);
        }
        fs.delete(path(StepExecutor.WORK), true);
        FileTrees.deleteTree(staging);
        log.accept(String.format(java.util.Locale.ROOT, "spark: published %d files (%.1f MB) to %s", files.size(), bytes / 1e6, uri));
    }

    private org.apache.hadoop.fs.Path path(String rel) {
        return new org.apache.hadoop.fs.Path(uri + "/" + rel);
    }

    private List<String> entries() throws IOException {
        List<String> out = new ArrayList<>();
        if (fs.exists(new org.apache.hadoop.fs.Path(uri))) {
            for (FileStatus st : fs.listStatus(new org.apache.hadoop.fs.Path(uri))) {
                out.add(st.getPath().getName());
            }
        }
        return out;
    }

    /** {@code s} as it appears inside a JSON string. */
    private static String json(String s) throws IOException {
        String q = Configs.JSON.writeValueAsString(s);
        return q.substring(1, q.length() - 1);
    }
}
