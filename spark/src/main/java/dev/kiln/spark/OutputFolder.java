package dev.kiln.spark;

import dev.kiln.core.io.FileErrors;
import dev.kiln.core.steps.StepExecutor;
import dev.kiln.core.util.FileTrees;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.broadcast.Broadcast;

/**
 * The output folder of a Spark run as its tasks and the driver reach it.
 *
 * <p><b>Local</b>: a path every executor sees under the same name (local mode, a shared mount); tasks
 * read the work files in place and write their attempt folders under the work folder ({@link TaskAttempts}).
 *
 * <p><b>Remote</b>: a Hadoop file system URI ({@code hdfs://}, {@code s3a://}). The driver runs
 * {@code kiln prepare} in a local staging folder ({@link #out}): its step markers, the tokenizer, the
 * cluster report and the shards are written there. A task copies each work file it reads from the remote
 * work folder to a temporary folder of its own, writes its attempt there and uploads it to
 * {@code URI/.kiln-work/attempts/}; the driver commits the attempt Spark returned by renames on the remote
 * file system, and downloads only the spill buckets, which the shard writer reads. {@link RemoteOutput}
 * uploads the finished outputs. No executor needs a path of the driver's disk.
 */
final class OutputFolder implements Serializable {

    private static final String WORK = StepExecutor.WORK;

    private final String out;
    private final String remote;
    private final Broadcast<byte[]> conf;
    private transient Configuration configuration;

    private OutputFolder(Path out, String remote, Broadcast<byte[]> conf) {
        this.out = out.toAbsolutePath().toString();
        this.remote = remote;
        this.conf = conf;
    }

    /** {@code out} itself, seen by every executor. */
    static OutputFolder local(Path out) {
        return new OutputFolder(out, null, null);
    }

    /** The folder at {@code uri} (qualified, no trailing slash), staged on the driver in {@code staging}. */
    static OutputFolder remote(String uri, Path staging, Broadcast<byte[]> conf) {
        return new OutputFolder(staging, uri, conf);
    }

    /** The driver's output folder: the folder itself, or the staging folder of a remote one. */
    Path out() {
        return Path.of(out);
    }

    /** Whether tasks reach the folder through Hadoop. */
    boolean isRemote() {
        return remote != null;
    }

    /** The remote URI of {@code rel} (a path relative to the output folder). */
    String uri(String rel) {
        return rel.isEmpty() ? remote : remote + "/" + rel.replace('\\', '/');
    }

    Configuration hadoop() throws IOException {
        if (configuration == null) {
            configuration = HadoopInputs.configuration(conf.value());
        }
        return configuration;
    }

    private FileSystem fs() throws IOException {
        return HadoopInputs.fileSystem(remote, hadoop());
    }

    private String rel(Path driverPath) {
        Path p = driverPath.toAbsolutePath();
        if (!p.startsWith(out)) {
            throw new IllegalArgumentException(p + " is not under the output folder " + out);
        }
        return Path.of(out).relativize(p).toString();
    }

    // ---------------------------------------------------------------- tasks

    /** A task's view: the work files it reads and the attempt folder it writes. */
    TaskFiles task() throws IOException {
        return new TaskFiles();
    }

    /** One task's files; remote: under a temporary folder deleted on close. */
    final class TaskFiles implements Closeable {

        private final Path scratch;
        private Path attempt;
        private String stage;

        private TaskFiles() throws IOException {
            scratch = remote == null ? null : Files.createTempDirectory("kiln-task-");
        }

        /** A work file ({@code file}, a path of the driver's output folder) readable here. */
        Path read(String file) throws IOException {
            if (remote == null) {
                return Path.of(file);
            }
            String rel = rel(Path.of(file));
            Path local = scratch.resolve("in").resolve(rel);
            Files.createDirectories(local.getParent());
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri(rel));
            try (InputStream in = fs().open(p)) {
                Files.copy(in, local);
            } catch (IOException e) {
                throw new IOException(p + ": cannot read kiln's work file: " + FileErrors.describe(e), e);
            }
            return local;
        }

        /** This task attempt's folder for {@code stage}, laid out like the output folder (see {@link TaskAttempts#open}). */
        Path attempt(String stage) throws IOException {
            this.stage = stage;
            attempt = remote == null ? TaskAttempts.open(Path.of(out).resolve(WORK), stage, Path::toString)
                    : TaskAttempts.open(scratch, stage, this::upload);
            return attempt;
        }

        /** Where {@code file} (a path of the driver's output folder) is written inside the attempt. */
        Path inside(String file) {
            return TaskAttempts.inside(attempt, Path.of(out), Path.of(file));
        }

        /** Finishes the attempt: remote, uploads it; returns the name {@link #commit} takes. */
        String done() throws IOException {
            return remote == null ? attempt.toString() : upload(attempt);
        }

        private String upload(Path dir) throws IOException {
            String target = uri(WORK + "/" + TaskAttempts.DIR + "/" + stage + "/" + dir.getFileName());
            FileSystem fs = fs();
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(target);
            fs.delete(root, true);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(target + "/" + dir.relativize(f).toString().replace('\\', '/'));
                    try (OutputStream o = fs.create(p, true)) {
                        Files.copy(f, o);
                    } catch (IOException e) {
                        throw new IOException(p + ": cannot write it: " + FileErrors.describe(e), e);
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return target;
        }

        @Override
        public void close() throws IOException {
            if (scratch != null) {
                FileTrees.deleteTree(scratch);
            }
        }
    }

    // ---------------------------------------------------------------- driver

    /**
     * Commits the attempts Spark returned for {@code stage}. Remote: first deletes {@code owned} (the
     * work folders only this stage writes, relative to the output folder, so nothing of an earlier run
     * survives beside the new files), then moves each attempt's files to their places by renames.
     */
    void commit(List<String> attempts, String stage, String owned) throws IOException {
        if (remote == null) {
            TaskAttempts.commit(attempts.stream().map(Path::of).toList(), Path.of(out), Path.of(out).resolve(WORK), stage);
            return;
        }
        FileSystem fs = fs();
        fs.delete(new org.apache.hadoop.fs.Path(uri(owned)), true);
        for (String a : attempts) {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(a);
            String prefix = fs.makeQualified(root).toString() + "/";
            for (org.apache.hadoop.fs.Path f : list(fs, root)) {
                String q = fs.makeQualified(f).toString();
                if (!q.startsWith(prefix)) {
                    throw new IOException(q + ": not under its attempt folder " + prefix);
                }
                move(fs, f, new org.apache.hadoop.fs.Path(uri(q.substring(prefix.length()))));
            }
        }
        fs.delete(new org.apache.hadoop.fs.Path(uri(WORK + "/" + TaskAttempts.DIR + "/" + stage)), true);
    }

    /** Remote: copies the work folder {@code rel} (relative to the output folder) into the staging folder, replacing it. */
    void fetch(String rel) throws IOException {
        if (remote == null) {
            return;
        }
        Path local = Path.of(out).resolve(rel);
        FileTrees.deleteTree(local);
        FileSystem fs = fs();
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(uri(rel));
        if (!fs.exists(root)) {
            return;
        }
        String prefix = fs.makeQualified(root).toString() + "/";
        for (org.apache.hadoop.fs.Path f : list(fs, root)) {
            Path target = local.resolve(fs.makeQualified(f).toString().substring(prefix.length()));
            Files.createDirectories(target.getParent());
            try (InputStream in = fs.open(f)) {
                Files.copy(in, target);
            }
        }
    }

    /** Remote: the total size of those of {@code files} (paths of the driver's output folder) that exist there. */
    long bytes(List<Path> files) throws IOException {
        long n = 0;
        FileSystem fs = fs();
        for (Path f : files) {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri(rel(f)));
            if (fs.exists(p)) {
                n += fs.getFileStatus(p).getLen();
            }
        }
        return n;
    }

    /** Every file under {@code root}, sorted. */
    static List<org.apache.hadoop.fs.Path> list(FileSystem fs, org.apache.hadoop.fs.Path root) throws IOException {
        List<org.apache.hadoop.fs.Path> files = new ArrayList<>();
        if (!fs.exists(root)) {
            return files;
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            files.add(it.next().getPath());
        }
        files.sort(null);
        return files;
    }

    /** Renames {@code from} to {@code to}, replacing it (HDFS refuses to rename onto an existing file). */
    static void move(FileSystem fs, org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to) throws IOException {
        fs.mkdirs(to.getParent());
        fs.delete(to, false);
        if (!fs.rename(from, to)) {
            throw new IOException("cannot rename " + from + " to " + to);
        }
    }
}
