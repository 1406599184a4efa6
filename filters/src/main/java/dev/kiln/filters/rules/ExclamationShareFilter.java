package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;

/**
 * Sales copy and generated hype: drops text in which more than {@code max_exclamation_share} of the sentence ends
 * are exclamations, once it has {@value #MIN_SENTENCES} sentence ends or more. A sentence end is a run of {@code . !
 * ?} followed by white space or the end of the text ({@code "RATE!!!"} is one end, {@code "?!"} an exclamation). Spam
 * ("Rates are down! Take a minute and fill out our quick form!") and faker's hacker phrases ("You can't bypass the
 * panel without hacking the neural SCSI microchip!") exclaim at almost every end; prose exclaims in its dialogue. The
 * default, {@value #DEFAULT_MAX_SHARE}, was set on kiln's labelled sets (docs/benchmarks/filter-fidelity.md): game
 * dialogue, the most exclaiming clean pages, measures up to 0.61, the mortgage, pharmacy and software spam kept in
 * the bundled web sample 0.71 to 1.0.
 */
public final class ExclamationShareFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "exclamation_share";

    /** Default {@code max_exclamation_share}. */
    public static final double DEFAULT_MAX_SHARE = 0.7;

    /** Fewer sentence ends are not measured: a short post's "Yay! Thanks!" is not a page of hype. */
    public static final int MIN_SENTENCES = 6;

    private final double maxShare;

    public ExclamationShareFilter(double maxShare) {
        this.maxShare = ConfigException.checkRange("max_exclamation_share", maxShare, 0.0, 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        int ends = 0;
        int exclaimed = 0;
        boolean bang = false;
        boolean inRun = false;
        for (int i = 0, n = t.length(); i < n; i++) {
            char c = t.charAt(i);
            if (c == '.' || c == '!' || c == '?') {
                bang = inRun ? bang || c == '!' : c == '!';
                inRun = true;
                if (i + 1 == n || Character.isWhitespace(t.charAt(i + 1))) {
                    ends++;
                    exclaimed += bang ? 1 : 0;
                    inRun = false;
                }
            } else {
                inRun = false;
            }
        }
        if (ends < MIN_SENTENCES) {
            return Decision.keep();
        }
        double share = (double) exclaimed / ends;
        return share > maxShare ? Decision.drop(NAME, share) : Decision.keep();
    }
}
