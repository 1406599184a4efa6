package dev.kiln.tokenizer;

import dev.kiln.core.config.ConfigException;

/**
 * Ids and piece strings of the four meta pieces, as SentencePiece's {@code unk_id/bos_id/eos_id/pad_id}
 * and {@code unk_piece/...}. An id of -1 disables that piece (unk cannot be disabled).
 *
 * @param unkId id of the unknown piece (type UNKNOWN)
 * @param bosId id of the begin-of-sequence piece (CONTROL), or -1
 * @param eosId id of the end-of-sequence piece (CONTROL), or -1
 * @param padId id of the padding piece (CONTROL), or -1
 * @param unkPiece default {@code <unk>}
 * @param bosPiece default {@code <s>}
 * @param eosPiece default {@code </s>}
 * @param padPiece default {@code <pad>}
 */
public record SpecialTokens(int unkId, int bosId, int eosId, int padId,
                            String unkPiece, String bosPiece, String eosPiece, String padPiece) {

    /** The reference layout (arksomething/gpt): unk 0, {@code <s>} 1, {@code </s>} 2, {@code <pad>} 3. */
    public static final SpecialTokens REFERENCE = new SpecialTokens(0, 1, 2, 3, "<unk>", "<s>", "</s>", "<pad>");

    /** The parameter-golf layout: pad 0, bos 1, eos 2, unk 3. */
    public static final SpecialTokens GOLF = new SpecialTokens(3, 1, 2, 0, "<unk>", "<s>", "</s>", "<pad>");

    /** SentencePiece's own defaults: unk 0, bos 1, eos 2, no pad. */
    public static final SpecialTokens SPM_DEFAULT = new SpecialTokens(0, 1, 2, -1, "<unk>", "<s>", "</s>", "<pad>");

    public SpecialTokens {
        ConfigException.checkRange("unk_id", unkId, 0, Integer.MAX_VALUE);
        int[] ids = {unkId, bosId, eosId, padId};
        String[] names = {"unk_id", "bos_id", "eos_id", "pad_id"};
        String[] pieces = {unkPiece, bosPiece, eosPiece, padPiece};
        for (int i = 0; i < 4; i++) {
            ConfigException.checkRange(names[i], ids[i], -1, Integer.MAX_VALUE);
            if (pieces[i] == null || pieces[i].isEmpty()) {
                throw new ConfigException(names[i].replace("_id", "_piece") + " must not be empty");
            }
            for (int j = 0; j < i; j++) {
                if (ids[i] >= 0 && ids[i] == ids[j]) {
                    throw new ConfigException(names[i] + " and " + names[j] + " must differ: both " + ids[i]);
                }
                if (ids[i] >= 0 && ids[j] >= 0 && pieces[i].equals(pieces[j])) {
                    throw new ConfigException("special pieces must differ: " + pieces[i]);
                }
            }
        }
    }

    /** The ids in the order unk, bos, eos, pad. */
    int[] ids() {
        return new int[] {unkId, bosId, eosId, padId};
    }

    /** The pieces in the order unk, bos, eos, pad. */
    String[] pieces() {
        return new String[] {unkPiece, bosPiece, eosPiece, padPiece};
    }

    /** Number of enabled meta pieces. */
    int count() {
        int n = 0;
        for (int id : ids()) {
            n += id >= 0 ? 1 : 0;
        }
        return n;
    }
}
