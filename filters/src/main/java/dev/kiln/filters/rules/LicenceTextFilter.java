package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;

/**
 * Pages that are a licence's text: drops text in which more than {@code max_licence_share} of the word 6-grams
 * occur in one of the licence texts kiln ships (GPL, LGPL, GFDL, Apache, MPL, BSD, MIT, ISC, Creative Commons and
 * others, and the Contributor Covenant code of conduct; {@link LicenceShingles}). {@code policy_vocabulary} counts
 * legal words, so a licence written in plain words ("If you publish printed copies of the Document numbering more
 * than 100") or a copyright file whose names and dates outweigh them passes it; a verbatim licence matches here
 * whatever its wording, and a README or manual page that quotes a licence notice keeps its own prose's share. The
 * default, {@value #DEFAULT_MAX_SHARE}, was set on kiln's labelled sets (docs/benchmarks/filter-fidelity.md):
 * licence sections measure 0.47 to 1.0, the most licence-heavy clean page (a hardening guide quoting the GPL's
 * notice) 0.25, other prose under 0.01.
 */
public final class LicenceTextFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "licence_text";

    /** Default {@code max_licence_share}. */
    public static final double DEFAULT_MAX_SHARE = 0.4;

    private final double maxShare;
    private final LicenceShingles licences = LicenceShingles.bundled();

    public LicenceTextFilter(double maxShare) {
        this.maxShare = ConfigException.checkRange("max_licence_share", maxShare, 0.0, 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        double share = licences.share(doc.text());
        return share > maxShare ? Decision.drop(NAME, share) : Decision.keep();
    }
}
