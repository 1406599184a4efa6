package dev.kiln.core.io;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Stream compression chosen by file-name suffix: {@code .gz}, {@code .zst}/{@code .zstd}, {@code .bz2}, or none. */
public enum Compression {
    NONE(""), GZIP(".gz"), ZSTD(".zst"), BZIP2(".bz2");

    /** zstd level used for outputs: fast, and about gzip -6's ratio on text. */
    public static final int ZSTD_LEVEL = 3;

    private final String suffix;

    Compression(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** The compression a file name implies. */
    public static Compression of(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz") || n.endsWith(".gzip")) {
            return GZIP;
        }
        if (n.endsWith(".zst") || n.endsWith(".zstd")) {
            return ZSTD;
        }
        if (n.endsWith(".bz2")) {
            return BZIP2;
        }
        return NONE;
    }

    /** The file name without its compression suffix. */
    public static String strip(String fileName) {
        Compression c = of(fileName);
        if (c == NONE) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        return fileName.substring(0, dot);
    }

    /**
     * Wraps {@code raw} in a decompressor. Read the result in chunks ({@code read(byte[])}, a
     * {@code BufferedReader}): each chunk read returns everything decodable before a truncated or corrupt
     * stream throws, so a reader keeps every complete record before the fault.
     *
     * <p><b>NOTE:</b> the decompressed side is deliberately not wrapped in a {@link BufferedInputStream}:
     * its bulk read loops over the inner stream and drops the bytes it already copied when a later inner
     * read throws, which would lose the last records before a truncation.
     */
    public InputStream decompress(InputStream raw) throws IOException {
        return switch (this) {
            case NONE -> new BufferedInputStream(raw, 1 << 16);
            case GZIP -> new GZIPInputStream(raw, 1 << 16);
            case ZSTD -> new ZstdInputStream(new BufferedInputStream(raw, 1 << 16));
            case BZIP2 -> new org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream(
                    new BufferedInputStream(raw, 1 << 16), true);
        };
    }

    /** Wraps {@code raw} in a compressor. */
    public OutputStream compress(OutputStream raw) throws IOException {
        return switch (this) {
            case NONE -> raw;
            case GZIP -> new GZIPOutputStream(raw, 1 << 16);
            case ZSTD -> new ZstdOutputStream(raw, ZSTD_LEVEL);
            case BZIP2 -> new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(raw);
        };
    }
}
