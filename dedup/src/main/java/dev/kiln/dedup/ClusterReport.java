package dev.kiln.dedup;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kiln.core.io.AtomicFile;
import dev.kiln.core.io.Compression;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Writes dedup's cluster report: JSONL, one line per cluster of two or more documents, clusters numbered
 * from 0 in the order given (by their first member), written to a temporary name and renamed when
 * complete, compressed by the file's suffix. One writer for every engine, so the local run and the Spark
 * job write the same bytes for the same clusters.
 */
public final class ClusterReport {

    /**
     * One member of a cluster.
     *
     * @param id         the document's id
     * @param similarity its estimated Jaccard similarity to the kept member (1 for the kept one)
     * @param kept       whether it is the kept member
     */
    public record Member(String id, double similarity, boolean kept) implements java.io.Serializable {
    }

    private ClusterReport() {
    }

    /** Writes {@code clusters} (each one's members in input order, exactly one kept) to {@code path}; returns how many. */
    public static long write(Path path, Iterator<List<Member>> clusters) throws IOException {
        AtomicFile f = AtomicFile.create(path);
        long c = 0;
        try {
            try (OutputStream out = Compression.of(path.getFileName().toString()).compress(new BufferedOutputStream(f.openStream(), 1 << 16));
                 JsonGenerator g = new JsonFactory().setRootValueSeparator(null).createGenerator(out, JsonEncoding.UTF8)) {
                g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                while (clusters.hasNext()) {
                    List<Member> members = clusters.next();
                    String kept = members.stream().filter(Member::kept).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("a cluster without a kept member")).id();
                    g.writeStartObject();
                    g.writeNumberField("cluster", c++);
                    g.writeNumberField("size", members.size());
                    g.writeStringField("kept", kept);
                    g.writeArrayFieldStart("members");
                    for (Member m : members) {
                        g.writeStartObject();
                        g.writeStringField("id", m.id());
                        g.writeNumberField("similarity", Math.round(m.similarity() * 1e4) / 1e4);
                        g.writeBooleanField("kept", m.kept());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeRaw('\n');
                }
                g.flush();
            }
            f.commit();
        } finally {
            f.abort();
        }
        return c;
    }
}
