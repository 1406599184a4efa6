package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;

/**
 * Licence, copyright, cookie-consent, privacy-policy and terms-of-service boilerplate: drops text in which words of
 * legal and consent vocabulary make up more than {@code max_policy_share} of the words. Unlike the phrase rule {@code
 * boilerplate} (one "privacy policy" drops a page), a README or article with a licence notice is kept while its prose
 * outweighs it. The vocabulary leaves out words common in scripture and technical prose ("shall", "thereof", "data",
 * "software", "copy", "services", "permission", "policies", "personal", "tracking"); "opt", "accept", "decline" and
 * "imprint" are in it for consent banners' buttons (a JSON dump with /opt paths measures 0.063), and "retention" for
 * cookie declarations' and privacy policies' retention periods (a table of cookie names with "retention: 2 years" on
 * each line has few other such words). The default, {@value #DEFAULT_MAX_SHARE}, was set on kiln's tuning set
 * (docs/benchmarks/filter-fidelity.md): licence texts, copyright files and cookie banners measure 0.03 to 0.40 (median
 * 0.09), clean READMEs with a licence paragraph up to 0.07 and other prose under 0.03.
 */
public final class PolicyVocabularyFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "policy_vocabulary";

    /** Default {@code max_policy_share}. */
    public static final double DEFAULT_MAX_SHARE = 0.056;

    /** The vocabulary, space-separated. */
    static final String WORDS = """
            copyright copyrights copyrighted license licenses licensed licensee licensees licensor
            licensors licence licences licensing sublicense hereby herein hereunder hereinafter warranty
            warranties merchantability noninfringement infringement disclaimer disclaimers disclaims
            disclaimed liability liable damages tort negligence indemnify indemnification consequential
            incidental redistribute redistribution redistributions distribute distributed distributing
            distribution modify modified modification modifications derivative permitted royalty patent
            patents verbatim notice notices copies copying conditions terms provisions governed
            jurisdiction agreement holder holders contributors merchantable fitness implied cookie cookies
            consent consents privacy policy analytics preferences third party parties website
            websites gdpr personalized personalised advertising advertisements browsing grant granted
            grants rights obligations applicable accordance reproduce reproduction recipient recipients
            convey conveying conveyed executable sublicensing termination terminate terminated
            unenforceable enforceable relicensing licensable statutory waive waiver compliance comply
            infringe infringed gpl lgpl agpl gfdl commercial accept decline imprint opt retention""";

    static final VocabularyShare.Vocabulary VOCABULARY = VocabularyShare.KILN.get(0);

    private final double maxShare;

    public PolicyVocabularyFilter(double maxShare) {
        this.maxShare = ConfigException.checkRange("max_policy_share", maxShare, 0.0, 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        double share = VocabularyShare.of(doc.text(), VOCABULARY);
        return share > maxShare ? Decision.drop(NAME, share) : Decision.keep();
    }
}
