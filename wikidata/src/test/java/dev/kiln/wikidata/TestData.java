package dev.kiln.wikidata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Paths of the test resources (see their README) and inputs built from them. */
public final class TestData {

    /** The module's test resources. */
    public static final Path RES = Path.of("src", "test", "resources", "dev", "kiln", "wikidata");

    /** The repo's bundled triples (33,215 rows), reached from the module directory. */
    public static final Path SAMPLE = Path.of("..", "sample", "wikidata", "triples.tsv.gz");

    private TestData() {
    }

    /**
     * Real rows from {@code slice.tsv}, then damaged: one of each kind of bad row (lines 5-9: short row,
     * missing subject label, object id without label, long row, a Latin-1 byte), then four good rows with
     * CRLF endings.
     */
    public static byte[] damagedTsv() throws IOException {
        List<String> lines = Files.readAllLines(RES.resolve("slice.tsv"));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String l : lines.subList(0, 4)) {
            b.write((l + "\n").getBytes(StandardCharsets.UTF_8));
        }
        b.write("Q188\tGerman\tP218\tISO 639-1 code\tde\n".getBytes(StandardCharsets.UTF_8));
        b.write("Q188\t\tP218\tISO 639-1 code\tde\tde\n".getBytes(StandardCharsets.UTF_8));
        b.write("Q188\tGerman\tP37\tofficial language\tQ150\t\n".getBytes(StandardCharsets.UTF_8));
        b.write("Q188\tGerman\tP1705\tnative label\tDeutsch\tDeutsch\textra\n".getBytes(StandardCharsets.UTF_8));
        b.write("Q188\tGerman\tP1705\tnative label\tDeutsch\tDeut".getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {(byte) 0xfc, 'r', '\n'});
        for (String l : lines.subList(4, 8)) {
            b.write((l + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }
}
