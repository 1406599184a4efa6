package dev.kiln.prepare;

import dev.kiln.core.pipeline.KilnVersion;
import dev.kiln.sharding.DataMeta;
import dev.kiln.sharding.GolfManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top-level {@code manifest.json} of openai/parameter-golf's data layout, written by {@code kiln prepare}
 * beside the golf shards ({@code OUT/manifest.json}, shards in {@code OUT} itself) and checked by
 * {@code kiln inspect shards}.
 *
 * <p>The field names and nesting are golf's ({@code download_hf_docs_and_tokenize.py}): top level
 * {@code version, num_docs, num_val_docs, shuffle_seed, shard_size, append_eos, docs_jsonl, docs_meta,
 * tokenizer_specs, tokenizers[], datasets[]}; one dataset whose {@code stats} block holds
 * {@code docs_/files_/tokens_} {@code total/val/train}. Paths are relative to the manifest's folder, as golf
 * writes them after {@code relativize_manifest_paths} (a tokenizer outside {@code OUT} keeps its path as
 * configured). Every count is what the shard writers actually wrote (documents, tokens with the boundary
 * tokens, completed shard files); nothing is re-counted from disk.
 *
 * <p>Fields that have no meaning in kiln, and the value kiln writes instead:
 * <ul>
 *   <li>{@code version}: golf's is the dataset's name tag {@code "10B"}; kiln writes {@code "kiln-<version>"}
 *       (its own version, {@code kiln-dev} when run from classes), so the file says who made it.</li>
 *   <li>{@code num_docs}, {@code num_val_docs}: documents in the shards (train + val, and val). Golf's are
 *       all documents of {@code docs_selected.jsonl}; kiln writes a token quota out of a larger pool, so
 *       {@code docs_meta.documents_available} also gives what the mix could draw from.</li>
 *   <li>{@code shuffle_seed}: the seed of kiln's split and shuffle ({@code seed}); golf's is the seed of the
 *       upstream document shuffle.</li>
 *   <li>{@code append_eos}: true only with {@code boundary: eos} (ids then EOS, no BOS); golf's layout and
 *       kiln's default with golf output is BOS first and no EOS ({@code false}).</li>
 *   <li>{@code docs_jsonl}: {@code null}: kiln reads many inputs of several formats, not one
 *       {@code docs_selected.jsonl}; the sources and their inputs (as configured) are in
 *       {@code docs_meta.sources}.</li>
 *   <li>{@code docs_meta}: kiln's own description: {@code producer, num_docs, docs_sha256} (null: there is no
 *       single document file to hash), {@code source_manifest} (the relative path of {@code data_meta.json},
 *       which holds every statistic and the timestamps), {@code boundary}, {@code val_fraction},
 *       {@code documents_available}, {@code sources}.</li>
 *   <li>{@code tokenizer_specs}: one spec in golf's shape ({@code name, kind, dataset_suffix, vocab_size});
 *       a tokenizer kiln trained adds {@code preset} and {@code tokenizer_train_docs} (null = all of the
 *       train split); a given one adds golf's {@code reuse_model_path}.</li>
 *   <li>names: tokenizer {@code kiln_sp_bpe_<V>}, dataset {@code kiln_sp<V>} (golf: {@code sp_bpe_<V>},
 *       {@code fineweb10B_sp<V>}), so a kiln tokenizer is never mistaken for golf's own.</li>
 * </ul>
 * No timestamps or absolute output paths are written: the same inputs and seed give a byte-identical
 * manifest, wherever {@code OUT} is and whatever the thread count.
 */
final class GolfManifestBuilder {

    private GolfManifestBuilder() {
    }

    /** What the golf writer of one split wrote. */
    record SplitCounts(long documents, long tokens, int files) {
    }

    /** The tokenizer the shards were encoded with. */
    record Tokenizer(Path modelFile, int vocabSize, int bosId, int eosId, String sha256) {
    }

    /** Builds the manifest for the golf shards of {@code cfg} written to {@code out}. */
    static Map<String, Object> build(PrepareConfig cfg, Path out, Tokenizer tok, SplitCounts train, SplitCounts val,
                                     long trainAvailable, long valAvailable) {
        int v = tok.vocabSize();
        int bigram = GolfManifest.recommendedBigramVocabSize(v);
        String tokName = "kiln_sp_bpe_" + v;
        String kind = "sentencepiece_bpe";

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", tokName);
        spec.put("kind", kind);
        spec.put("dataset_suffix", "sp" + v);
        spec.put("vocab_size", v);
        if (cfg.tokenizer() == null) {
            spec.put("preset", cfg.tokenizerTraining().preset());
            spec.put("tokenizer_train_docs", cfg.tokenizerTraining().maxDocuments() == 0 ? null : cfg.tokenizerTraining().maxDocuments());
        } else {
            spec.put("reuse_model_path", cfg.tokenizer());
        }

        Path vocabFile = tok.modelFile().resolveSibling(tok.modelFile().getFileName().toString().replaceFirst("\\.model$", "") + ".vocab");
        Map<String, Object> tokenizer = new LinkedHashMap<>();
        tokenizer.put("name", tokName);
        tokenizer.put("kind", kind);
        tokenizer.put("vocab_size", v);
        tokenizer.put("bos_id", tok.bosId());
        tokenizer.put("eos_id", tok.eosId());
        tokenizer.put("recommended_bigram_vocab_size", bigram);
        tokenizer.put("source_spec", spec);
        tokenizer.put("model_path", relative(out, tok.modelFile()));
        tokenizer.put("vocab_path", Files.isRegularFile(vocabFile) ? relative(out, vocabFile) : null);
        tokenizer.put("sha256", tok.sha256());

        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("docs_total", train.documents() + val.documents());
        stats.put("docs_val", val.documents());
        stats.put("docs_train", train.documents());
        stats.put("files_total", train.files() + val.files());
        stats.put("files_val", val.files());
        stats.put("files_train", train.files());
        stats.put("tokens_total", train.tokens() + val.tokens());
        stats.put("tokens_val", val.tokens());
        stats.put("tokens_train", train.tokens());

        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("name", "kiln_sp" + v);
        dataset.put("tokenizer_name", tokName);
        dataset.put("tokenizer_kind", kind);
        dataset.put("path", ".");
        dataset.put("train_glob", GolfManifest.glob("train"));
        dataset.put("val_glob", GolfManifest.glob("val"));
        dataset.put("vocab_size", v);
        dataset.put("bos_id", tok.bosId());
        dataset.put("eos_id", tok.eosId());
        dataset.put("recommended_bigram_vocab_size", bigram);
        dataset.put("stats", stats);

        List<Object> sources = new ArrayList<>();
        for (PrepareConfig.Source s : cfg.sources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("kind", s.kind());
            m.put("inputs", s.inputs());
            m.put("weight", s.weight());
            m.put("profile", s.profile());
            sources.add(m);
        }
        long docs = train.documents() + val.documents();
        Map<String, Object> docsMeta = new LinkedHashMap<>();
        docsMeta.put("producer", "kiln prepare");
        docsMeta.put("num_docs", docs);
        docsMeta.put("docs_sha256", null);
        docsMeta.put("source_manifest", DataMeta.FILE);
        docsMeta.put("boundary", cfg.boundary());
        docsMeta.put("val_fraction", cfg.effectiveValFraction());
        docsMeta.put("documents_available", Map.of("train", trainAvailable, "val", valAvailable));
        docsMeta.put("sources", sources);

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", "kiln-" + KilnVersion.get());
        m.put("num_docs", docs);
        m.put("num_val_docs", val.documents());
        m.put("shuffle_seed", cfg.seed());
        m.put("shard_size", cfg.tokensPerShard());
        m.put("append_eos", cfg.boundary().equals("eos"));
        m.put("docs_jsonl", null);
        m.put("docs_meta", docsMeta);
        m.put("tokenizer_specs", List.of(spec));
        m.put("tokenizers", List.of(tokenizer));
        m.put("datasets", List.of(dataset));
        return m;
    }

    private static String relative(Path base, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return abs.startsWith(b) ? b.relativize(abs).toString().replace('\\', '/') : p.toString();
    }
}
