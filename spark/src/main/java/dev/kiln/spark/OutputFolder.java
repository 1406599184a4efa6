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
 * file system. The shards are written there too: golf shards by tasks, {@code .bin}/{@code .idx} joined
 * by the driver from the tasks' parts ({@link SparkShards}); {@link RemoteOutput} uploads the rest of the
 * finished outputs. No executor needs a path of the driver's disk.
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

        /** A work file ({@code file}, a path of the driver's output folder) as a stream, read where it is (no copy). */
        InputStream open(String file) throws IOException {
            return OutputFolder.this.open(Path.of(file));
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
     * survives beside the new files; {@code null}: none), then moves each attempt's files to their places
     * by renames.
     */
    void commit(List<String> attempts, String stage, String owned) throws IOException {
        if (remote == null) {
            TaskAttempts.commit(attempts.stream().map(Path::of).toList(), Path.of(out), Path.of(out).resolve(WORK), stage);
            return;
        }
        FileSystem fs = fs();
        if (owned != null) {
            fs.delete(new org.apache.hadoop.fs.Path(uri(owned)), true);
        }
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

    /** Those of {@code files} (paths of the driver's output folder, under {@code dir}) that exist, in their order; one listing of {@code dir}. */
    List<Path> existing(Path dir, List<Path> files) throws IOException {
        java.util.Set<String> there = new java.util.HashSet<>();
        if (remote == null) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.filter(Files::isRegularFile).forEach(p -> there.add(p.toAbsolutePath().toString()));
                }
            }
        } else {
            FileSystem fs = fs();
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(uri(rel(dir)));
            String prefix = fs.makeQualified(root).toString() + "/";
            for (org.apache.hadoop.fs.Path f : list(fs, root)) {
                there.add(dir.toAbsolutePath().resolve(fs.makeQualified(f).toString().substring(prefix.length())).toString());
            }
        }
        return files.stream().filter(f -> there.contains(f.toAbsolutePath().toString())).toList();
    }

    /** Reads {@code file} (a path of the driver's output folder) where it is: on the driver's disk, or remote. */
    InputStream open(Path file) throws IOException {
        if (remote == null) {
            return Files.newInputStream(file);
        }
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri(rel(file)));
        try {
            return fs().open(p);
        } catch (IOException e) {
            throw new IOException(p + ": cannot read kiln's work file: " + FileErrors.describe(e), e);
        }
    }

    /**
     * Writes {@code file} (a path of the driver's output folder) where the folder is, under a temporary
     * name renamed into place by {@link Created#commit()}; closing it uncommitted deletes the temporary.
     */
    Created create(Path file) throws IOException {
        return new Created(file);
    }

    /** A file being written by {@link #create}. */
    final class Created implements Closeable {

        private final Path target;
        private final dev.kiln.core.io.AtomicFile local;
        private final org.apache.hadoop.fs.Path tmp;
        private final OutputStream stream;
        private boolean committed;

        private Created(Path target) throws IOException {
            this.target = target;
            if (remote == null) {
                local = dev.kiln.core.io.AtomicFile.create(target);
                tmp = null;
                stream = new java.io.BufferedOutputStream(local.openStream(), 1 << 20);
            } else {
                local = null;
                org.apache.hadoop.fs.Path t = new org.apache.hadoop.fs.Path(uri(rel(target)));
                tmp = new org.apache.hadoop.fs.Path(t.getParent(), "." + t.getName() + ".kiln-tmp");
                stream = new java.io.BufferedOutputStream(fs().create(tmp, true), 1 << 20);
            }
        }

        OutputStream stream() {
            return stream;
        }

        /** Closes the stream and moves the file to its name. */
        void commit() throws IOException {
            stream.close();
            if (local != null) {
                local.commit();
            } else {
                move(fs(), tmp, new org.apache.hadoop.fs.Path(uri(rel(target))));
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (committed) {
                return;
            }
            try {
                stream.close();
            } finally {
                if (local != null) {
                    local.abort();
                } else {
                    fs().delete(tmp, false);
                }
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
