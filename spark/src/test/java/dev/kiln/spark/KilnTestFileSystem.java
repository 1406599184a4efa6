package dev.kiln.spark;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop file system of its own scheme, {@code kilntest://local/ABSOLUTE/PATH}, over the local disk: kiln's
 * tests reach it only through Hadoop's scheme lookup ({@code fs.kilntest.impl}), globbing and streams, the
 * code path of {@code hdfs://} and {@code s3a://} inputs, without a cluster.
 */
public final class KilnTestFileSystem extends RawLocalFileSystem {

    static final String SCHEME = "kilntest";
    static final URI ROOT = URI.create(SCHEME + "://local/");

    @Override
    public URI getUri() {
        return ROOT;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    // RawLocalFileSystem's statuses load their permissions lazily through new File(URI), which only takes
    // file: URIs; plain statuses carry the default permission, as a remote file system's would
    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        return plain(super.getFileStatus(f));
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        FileStatus[] all = super.listStatus(f);
        for (int i = 0; i < all.length; i++) {
            all[i] = plain(all[i]);
        }
        return all;
    }

    private static FileStatus plain(FileStatus s) {
        return new FileStatus(s.getLen(), s.isDirectory(), s.getReplication(), s.getBlockSize(), s.getModificationTime(), s.getPath());
    }

    /** The URI of a local absolute path on this file system. */
    static String uri(java.nio.file.Path p) {
        return SCHEME + "://local" + p.toAbsolutePath();
    }
}
