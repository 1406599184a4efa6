package dev.kiln.dedup;

import dev.kiln.core.Document;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.pipeline.FileSource;
import dev.kiln.dedup.bench.Perturber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** The repo's real web sample ({@code sample/web.jsonl.gz}) plus planted near-duplicates with known kinds. */
final class SampleCorpus {

    static final Path WEB = Path.of("..", "sample", "web.jsonl.gz");

    /** A planted document: its index in {@link #docs}, the index of the original it copies, and how it was made. */
    record Planted(int index, int original, String kind) {
    }

    final List<Document> docs = new ArrayList<>();
    final List<Planted> planted = new ArrayList<>();

    static List<Document> web() {
        List<Document> out = new ArrayList<>();
        try (FileSource src = FileSource.of(List.of(WEB), ReadOptions.DEFAULT, BadRecords.lenient())) {
            Document d;
            while ((d = src.next()) != null) {
                out.add(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The sample, then for each of {@code originals} long documents one planted copy per kind. */
    static SampleCorpus build(int originals, long seed) {
        SampleCorpus c = new SampleCorpus();
        List<Document> web = web();
        c.docs.addAll(web);
        StringBuilder vocab = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            vocab.append(web.get(i).text()).append(' ');
        }
        Perturber p = Perturber.of(vocab.toString());
        SplittableRandom rnd = new SplittableRandom(seed);
        Set<String> seenTexts = new HashSet<>();
        int chosen = 0;
        for (int i = 0; i < web.size() && chosen < originals; i++) {
            Document d = web.get(i);
            int words = d.text().split("\\s+").length;
            if (words < 250 || words > 1500 || !seenTexts.add(TextKey.normalize(d.text()))) {
                continue;
            }
            chosen++;
            c.plant(i, "exact_case", d.text().toUpperCase(java.util.Locale.ROOT));
            c.plant(i, "reflow", p.reflow(d.text(), rnd));
            c.plant(i, "boilerplate", p.appendBoilerplate(d.text(), rnd));
            c.plant(i, "scattered_1pct", p.editScattered(d.text(), 0.01, rnd));
            c.plant(i, "span_" + (2 + chosen % 4) + "pct", p.editSpan(d.text(), (2 + chosen % 4) / 100.0, rnd));
            // shares one paragraph-sized piece (the first 20% of its words) with the original, rest from an unrelated doc
            String[] w = d.text().split("\\s+");
            String head = String.join(" ", java.util.Arrays.copyOf(w, w.length / 5));
            Document other = web.get((i + 700) % web.size());
            c.plant(i, "shared_paragraph", head + "\n\n" + other.text());
        }
        return c;
    }

    private void plant(int original, String kind, String text) {
        Document o = docs.get(original);
        docs.add(Document.of(o.id() + "~" + kind, text, o.source()));
        planted.add(new Planted(docs.size() - 1, original, kind));
    }

    /** Exact Jaccard similarity of two texts' shingle sets. */
    static double exactJaccard(Shingler s, String a, String b) {
        Set<Long> x = new HashSet<>();
        for (long h : s.shingles(a)) {
            x.add(h);
        }
        Set<Long> y = new HashSet<>();
        for (long h : s.shingles(b)) {
            y.add(h);
        }
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        Set<Long> inter = new HashSet<>(x);
        inter.retainAll(y);
        return inter.size() / (double) (x.size() + y.size() - inter.size());
    }
}
