package dev.kiln.core.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kiln.core.Document;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes JSON Lines, compressed by the file's suffix ({@code .zst}, {@code .gz} or none): one object per
 * document with {@code id}, {@code text}, {@code source} and then the metadata fields in order.
 * Written to a temporary name and renamed on {@link #commit()}.
 */
public final class JsonlWriter extends AtomicDocumentWriter {

    private final OutputStream out;
    private final JsonGenerator gen;

    private JsonlWriter(Path target) throws IOException {
        super(target);
        OutputStream raw = new BufferedOutputStream(file.openStream(), 1 << 16);
        this.out = Compression.of(target.getFileName().toString()).compress(raw);
        this.gen = JsonlReader.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        gen.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        gen.configure(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM, false);
        gen.setRootValueSeparator(null); // else Jackson puts a space before every object after the first
    }

    /** Opens a writer for {@code target}; nothing appears under that name until {@link #commit()}. */
    public static JsonlWriter open(Path target) throws IOException {
        return new JsonlWriter(target);
    }

    @Override
    protected void append(Document doc) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("id", doc.id());
        gen.writeStringField("text", doc.text());
        gen.writeStringField("source", doc.source());
        for (Map.Entry<String, Object> e : doc.metadata().entrySet()) {
            gen.writeFieldName(e.getKey());
            writeValue(e.getValue());
        }
        gen.writeEndObject();
        gen.writeRaw('\n');
    }

    /**
     * One metadata value: the scalars JSONL input gives (strings, {@code Long}, {@code Double}, booleans, null)
     * straight to the generator, the same bytes the mapper writes without its per-call serializer lookup; maps,
     * lists and other numbers through the mapper.
     */
    private void writeValue(Object v) throws IOException {
        switch (v) {
            case null -> gen.writeNull();
            case String s -> gen.writeString(s);
            case Long l -> gen.writeNumber(l);
            case Integer i -> gen.writeNumber(i);
            case Double d -> gen.writeNumber(d);
            case Boolean b -> gen.writeBoolean(b);
            default -> JsonlReader.MAPPER.writeValue(gen, v);
        }
    }

    @Override
    protected void finish() throws IOException {
        gen.flush();
        gen.close();
        out.close();
    }

    @Override
    protected void discard() {
        try {
            gen.close();
            out.close();
        } catch (IOException ignored) {
            // the temporary file is deleted anyway
        }
    }
}
