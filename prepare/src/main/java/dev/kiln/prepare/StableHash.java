package dev.kiln.prepare;

import java.nio.charset.StandardCharsets;
import org.apache.datasketches.hash.MurmurHash3;

/**
 * A seeded 64-bit hash that is the same in every run, JVM and machine (MurmurHash3 x64 of the UTF-8
 * bytes), unlike Python's salted {@code hash()} that made the reference's keys unstable.
 */
public final class StableHash {

    private StableHash() {
    }

    public static long hash64(String s, long seed) {
        return MurmurHash3.hash(s.getBytes(StandardCharsets.UTF_8), seed)[0];
    }

    /** A uniform double in [0, 1) from the hash's top 53 bits. */
    public static double unit(String s, long seed) {
        return (hash64(s, seed) >>> 11) * 0x1.0p-53;
    }
}
