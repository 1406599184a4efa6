package dev.kiln.wikidata;

import dev.kiln.core.Document;
import dev.kiln.core.io.BadInputException;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.FileSequence;
import dev.kiln.core.io.Inputs;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.wikidata.io.EntityLabels;
import dev.kiln.wikidata.io.TripleFormat;
import dev.kiln.wikidata.io.TripleReader;
import dev.kiln.wikidata.text.Templates;
import dev.kiln.wikidata.text.Verbalizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Triple files in, one {@link Document} per subject out: read → {@link Normalizer} →
 * {@link SubjectGrouper} → {@link Verbalizer}, streaming, so the documents flow into kiln's
 * {@code PipelineRunner}, filters and writers like any other source.
 *
 * <p>Documents: {@code id} = subject id (QID or source key; the label for Loka input, {@code #2}... for
 * later runs of a subject), {@code source} = {@code wikidata}, metadata {@code title} (subject label) and
 * {@code triples} (count). Files are read in the given order; entity dumps first get a label pass over all
 * dump inputs. A file that fails part-way is reported (the triples read before the fault are kept) and
 * reading goes on with the next one, unless strict. Not thread-safe; the runner reads it from one thread.
 */
public final class WikidataSource implements DocumentSource {

    private final List<Path> files;
    private final List<TripleFormat> formats;
    private final WikidataConfig config;
    private final BadRecords bad;
    private final PropertyTable table = PropertyTable.bundled();
    private final TripleStats stats = new TripleStats();
    private final Normalizer normalizer;
    private final SubjectGrouper grouper;
    private final Verbalizer verbalizer;
    private final long totalBytes;
    private final FileSequence<Triple> triples;
    private EntityLabels labels;
    private boolean finished;

    private WikidataSource(List<Path> files, WikidataConfig config, BadRecords bad) throws IOException {
        this.files = List.copyOf(files);
        this.config = config;
        this.bad = bad;
        List<TripleFormat> f = new ArrayList<>();
        for (Path p : files) {
            try {
                f.add(config.format() != null ? config.format() : TripleFormat.detect(p));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }
        this.formats = List.copyOf(f);
        Templates templates = Templates.bundled();
        if (config.templates() != null) {
            templates = templates.withOverrides(config.templates());
        }
        this.normalizer = new Normalizer(config.normalize(), table, stats);
        this.grouper = new SubjectGrouper(config.maxTriplesPerDocument());
        this.verbalizer = new Verbalizer(config.mode(), templates, config.vary(), config.seed());
        this.totalBytes = Inputs.totalBytes(files);
        this.triples = new FileSequence<>(this.files, bad, "triples", this::openFile);
    }

    /**
     * A source over {@code files} (already expanded, see {@link Inputs#expand}).
     *
     * @throws BadInputException when a file's format is unknown or the templates file is invalid
     */
    public static WikidataSource open(List<Path> files, WikidataConfig config, BadRecords bad) throws IOException {
        return new WikidataSource(files, config, bad);
    }

    @Override
    public Document next() throws IOException {
        if (finished) {
            return null;
        }
        while (true) {
            Triple raw = nextTriple();
            if (raw == null) {
                finished = true;
                return toDocument(grouper.finish());
            }
            Triple t = normalizer.normalize(raw);
            if (t != null) {
                SubjectGrouper.Group g = grouper.add(t);
                if (g != null) {
                    return toDocument(g);
                }
            }
        }
    }

    private Document toDocument(SubjectGrouper.Group g) {
        if (g == null) {
            return null;
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("title", g.triples().getFirst().subject());
        meta.put("triples", (long) g.triples().size());
        return new Document(g.id(), verbalizer.verbalize(g.triples()), config.source(), meta);
    }

    private Triple nextTriple() throws IOException {
        return triples.next();
    }

    /** Opens one file; the first call collects the labels of all entity dumps (a pass over them before any triple). */
    private TripleReader openFile(int index, Path file) throws IOException {
        if (labels == null) {
            List<Path> dumps = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                if (formats.get(i) == TripleFormat.ENTITY_JSON) {
                    dumps.add(files.get(i));
                }
            }
            labels = dumps.isEmpty() ? EntityLabels.empty() : EntityLabels.collect(dumps);
        }
        return formats.get(index).open(file, bad, labels, table, stats);
    }

    /** Triple counts: read, kept, dropped per reason, normalized per kind. */
    public TripleStats tripleStats() {
        return stats;
    }

    /**
     * Statistics for the run metadata: triples read/kept/dropped (per reason), normalized values, documents,
     * subjects that reappeared or were split, and bad input rows per kind.
     */
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("triples_read", stats.triplesRead());
        m.put("triples_kept", stats.triplesKept());
        m.put("triples_dropped", stats.triplesDropped());
        m.put("dropped", stats.dropped());
        m.put("normalized", stats.normalized());
        m.put("documents", grouper.groups());
        m.put("subject_reappeared", grouper.reappeared());
        m.put("subject_split", grouper.split());
        m.put("bad_rows", bad.countsByKind());
        m.put("mode", config.mode().name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    @Override
    public long bytesRead() {
        return triples.bytesRead();
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() throws IOException {
        triples.close();
    }
}
