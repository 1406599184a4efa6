package dev.kiln.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file that is written under a temporary name beside its target and renamed only when
 * complete. A reader therefore never sees a half-written file under the final name, and a crash leaves at
 * most a {@code .name.<random>.kiln-tmp} file that the next run ignores.
 */
public final class AtomicFile {

    private final Path target;
    private final Path temp;
    private boolean done;

    private AtomicFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Prepares {@code target} (creating parent directories); nothing exists under the target name yet. */
    public static AtomicFile create(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        String tmpName = "." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".kiln-tmp";
        return new AtomicFile(abs, dir.resolve(tmpName));
    }

    /** The final path. */
    public Path target() {
        return target;
    }

    /** The temporary path being written. */
    public Path temp() {
        return temp;
    }

    /** Opens the temporary file for writing (truncating it). */
    public OutputStream openStream() throws IOException {
        return Files.newOutputStream(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    /** Syncs the temporary file to disk and renames it to the target, replacing any older file. */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("already committed or aborted: " + target);
        }
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
    }

    /** Deletes the temporary file unless committed. Idempotent. */
    public void abort() {
        if (!done) {
            done = true;
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: a leftover temp file never looks like a finished output
            }
        }
    }

    public boolean committed() {
        return done && Files.exists(target) && !Files.exists(temp);
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        AtomicFile f = create(target);
        try {
            try (OutputStream out = f.openStream()) {
                out.write(bytes);
            }
            f.commit();
        } finally {
            f.abort();
        }
    }
}
