package dev.kiln.filters;

import static dev.kiln.filters.Rules.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.filters.rules.LicenceTextFilter;
import dev.kiln.filters.rules.PolicyVocabularyFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code licence_text} on real pages of the labelled sets (fidelity/README.md): the licence sections that
 * {@code policy_vocabulary} let through on the eighth set's first run, and the clean pages that quote a
 * licence notice.
 */
class LicenceTextRuleTest {

    static final Map<String, String> TUNING = FilterFidelityTest.texts(FilterFidelityTest.TUNING);
    static final Map<String, String> HELD4 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_4);
    static final Map<String, String> HELD8 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_8);

    @Test
    void dropsLicenceSectionsWrittenInPlainWords() {
        // GnuCash's manual: GFDL sections 1 and 3 ("If you publish printed copies of the Document numbering more
        // than 100..."), and a Debian copyright file quoting the GFDL's preamble
        for (String id : List.of("policy/doc-licence/3", "policy/doc-licence/5", "policy/debian-copyright/19")) {
            String text = HELD8.get(id);
            assertEquals("keep", run(PolicyVocabularyFilter.NAME, text).decision(), id + ": too few legal words for policy_vocabulary");
            StageChain.Result r = run(LicenceTextFilter.NAME, text);
            assertEquals(LicenceTextFilter.NAME, r.reason(), id);
            assertTrue(r.value() > 0.8, id + " " + r.value());
        }
        // a whole licence from /usr/share/common-licenses
        assertEquals(LicenceTextFilter.NAME, run(LicenceTextFilter.NAME, TUNING.get("policy/common-licenses/9")).reason());
    }

    @Test
    void dropsTheContributorCovenant() {
        // Jekyll's theme template (Contributor Covenant 1.4) and a scanner's CODE_OF_CONDUCT.md (2.1, shortened):
        // thousands of projects publish it verbatim, and it has no legal vocabulary for policy_vocabulary
        Map<String, String> held12 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_12);
        Map<String, String> held13 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_13);
        for (String text : List.of(held12.get("policy/privacy-notice/2"), held13.get("policy/project-policy/0"))) {
            assertEquals("keep", run(PolicyVocabularyFilter.NAME, text).decision());
            StageChain.Result r = run(LicenceTextFilter.NAME, text);
            assertEquals(LicenceTextFilter.NAME, r.reason());
            assertTrue(r.value() > 0.6, "share " + r.value());
        }
        // a page that names a code of conduct is not one
        String prose = "Our project follows a Code of Conduct, and the maintainers answer reports within a week. "
                + "Read it before you open your first pull request, then say hello on the mailing list.\n";
        assertEquals("keep", run(LicenceTextFilter.NAME, prose.repeat(3)).decision());
    }

    @Test
    void keepsDocumentationThatQuotesALicenceNotice() {
        // GNU MPFR's README (copyright and LGPL notice, then the library) and the Securing Debian manual's page
        // quoting the GPL's "This program is free software..." notice: a fifth to a quarter of their 6-grams
        for (String text : List.of(TUNING.get("clean/debian-readme/23"), HELD4.get("clean/harden-doc/15"))) {
            StageChain.Result r = Rules.run(LicenceTextFilter.NAME, Map.of("max_licence_share", 0.0), text);
            assertTrue(r.value() > 0.15 && r.value() < 0.3, "share " + r.value());
            assertEquals("keep", run(LicenceTextFilter.NAME, text).decision());
        }
    }

    @Test
    void keepsEveryCleanPageOfTheLabelledSetsButOne() {
        List<String> dropped = new java.util.ArrayList<>();
        for (String set : List.of(FilterFidelityTest.TUNING, FilterFidelityTest.HELD_OUT, FilterFidelityTest.HELD_OUT_2,
                FilterFidelityTest.HELD_OUT_3, FilterFidelityTest.HELD_OUT_4, FilterFidelityTest.HELD_OUT_5, FilterFidelityTest.HELD_OUT_6,
                FilterFidelityTest.HELD_OUT_7, FilterFidelityTest.HELD_OUT_8)) {
            FilterFidelityTest.texts(set).forEach((id, text) -> {
                if (id.startsWith("clean/") && run(LicenceTextFilter.NAME, text).dropped()) {
                    dropped.add(set.substring(set.lastIndexOf('/') + 1) + " " + id);
                }
            });
        }
        // the Debian Edu manual's page that is the GPL's own text, labelled clean by its builder
        // (policy_vocabulary drops it too)
        assertEquals(List.of("heldout6-set.jsonl.gz clean/debian-edu-manual/1"), dropped);
    }
}
