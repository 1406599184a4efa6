package dev.kiln.spark;

import java.net.URI;
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

    /** The URI of a local absolute path on this file system. */
    static String uri(java.nio.file.Path p) {
        return SCHEME + "://local" + p.toAbsolutePath();
    }
}
