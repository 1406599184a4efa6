package dev.kiln.core.pipeline;

/** kiln's version, from the jar manifest ({@code dev} when running from classes). */
public final class KilnVersion {

    private KilnVersion() {
    }

    public static String get() {
        String v = KilnVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
