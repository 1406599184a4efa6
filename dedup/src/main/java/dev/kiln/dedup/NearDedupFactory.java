package dev.kiln.dedup;

import dev.kiln.core.stage.Params;
import dev.kiln.core.stage.Stage;
import dev.kiln.core.stage.StageFactory;
import java.util.List;
import java.util.Locale;

/**
 * Builds {@link NearDedup} from config: {@code - name: near_dedup, threshold: 0.85, ngram: 5, num_perm: 128,
 * shingle: words, seed: ...}; {@code bands} and {@code rows} default to the optimiser's choice.
 */
public final class NearDedupFactory implements StageFactory {

    @Override
    public String name() {
        return NearDedup.NAME;
    }

    @Override
    public String description() {
        return "drop near-duplicates of earlier documents (MinHash LSH, verified; in memory): threshold 0.85, ngram 5, "
                + "num_perm 128, shingle words|chars, seed, bands/rows (default: optimised)";
    }

    @Override
    public Stage create(Params params) {
        double threshold = params.getDouble("threshold", DedupConfig.DEFAULT_THRESHOLD, 0.01, 1.0);
        int ngram = params.getInt("ngram", MinHashConfig.DEFAULT_NGRAM, 1, 64);
        int numPerm = params.getInt("num_perm", MinHashConfig.DEFAULT_NUM_PERM, 8, 8192);
        String shingle = params.getChoice("shingle", "words", List.of("words", "chars"));
        long seed = params.getLong("seed", MinHashConfig.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        boolean hasBands = params.has("bands");
        boolean hasRows = params.has("rows");
        int bands = params.getInt("bands", 1, 1, 8192);
        int rows = params.getInt("rows", 1, 1, 8192);
        params.checkAllUsed();
        if (hasBands != hasRows) {
            throw new dev.kiln.core.config.ConfigException(params.stage() + ": give bands and rows together, or neither");
        }
        MinHashConfig mh = new MinHashConfig(Shingling.valueOf(shingle.toUpperCase(Locale.ROOT)), ngram, numPerm, seed);
        return NearDedup.create(mh, threshold, hasBands ? new LshParams(bands, rows) : null);
    }
}
