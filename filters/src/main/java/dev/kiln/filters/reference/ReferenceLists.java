package dev.kiln.filters.reference;

import dev.kiln.filters.text.KeywordMatcher;
import java.util.List;

/**
 * The reference's keyword lists, verbatim from {@code scripts/filters.py} (reference-filter-lists.json):
 * the reference profile depends on them being exactly these strings in this order.
 */
public final class ReferenceLists {

    private ReferenceLists() {
    }

    /** DEFAULT_BOILERPLATE. */
    public static final List<String> BOILERPLATE = List.of(
            "cookie policy",
            "privacy policy",
            "terms of service",
            "all rights reserved",
            "subscribe to our newsletter",
            "sign up to continue",
            "log in to continue",
            "enable javascript",
            "accept cookies",
            "we use cookies",
            "javascript is required",
            "please enable cookies");

    /** DEFAULT_WEB_JUNK_KEYWORDS. */
    public static final List<String> WEB_JUNK = List.of(
            "shipping",
            "add to cart",
            "buy now",
            "coupon",
            "free download",
            "click here",
            "affiliate",
            "checkout",
            "price $",
            "order now",
            "limited time",
            "sale ends",
            "discount code",
            "betting tips",
            "free bets",
            "betting predictions",
            "soccer predictions",
            "football predictions",
            "sports betting",
            "bet now",
            "odds today",
            "inplay bet",
            "in-play bet",
            "bookmaker",
            "casino bonus",
            "free spins",
            "slot machine",
            "poker bonus",
            "seo services",
            "backlinks",
            "link building",
            "guest post",
            "sponsored post",
            "crypto trading",
            "bitcoin trading",
            "forex trading",
            "make money online",
            "work from home",
            "passive income",
            "startup venture",
            "our company",
            "our team",
            "our services",
            "we offer",
            "we provide",
            "contact us today",
            "get in touch",
            "learn more about our",
            "schedule a consultation",
            "free consultation",
            "our experts",
            "industry leader",
            "market leader",
            "best in class",
            "cutting-edge solution",
            "innovative solution",
            "revolutionizing",
            "game-changing",
            "world-class",
            "trusted by",
            "testimonial");

    /** NAV_KEYWORDS. */
    public static final List<String> NAV = List.of(
            "home",
            "about",
            "contact",
            "privacy",
            "terms",
            "faq",
            "sitemap");

    /** WIKI_REMOVE_SECTIONS. */
    public static final List<String> WIKI_REMOVE_SECTIONS = List.of(
            "references",
            "external links",
            "see also",
            "further reading",
            "notes",
            "bibliography",
            "sources",
            "citations");

    /** SPAM_PUNCT as one string: {@code . , ; : - / | = _ \ " '}. */
    public static final String SPAM_PUNCT = "\"',-./:;=\\_|";

    /** C3's, C4's and G5's lists as substring matchers sharing one pass per document ({@link KeywordMatcher#substringsTogether}). */
    private static final List<KeywordMatcher> TOGETHER = KeywordMatcher.substringsTogether(List.of(WEB_JUNK, NAV, BOILERPLATE));

    /** The same lists as WORDS matchers sharing one pass (kiln's profile: web_junk and boilerplate). */
    private static final List<KeywordMatcher> TOGETHER_WORDS = KeywordMatcher.together(KeywordMatcher.Mode.WORDS,
            List.of(WEB_JUNK, NAV, BOILERPLATE));

    /**
     * The matcher of {@code list} in {@code mode}: for {@link #WEB_JUNK}, {@link #NAV} and {@link #BOILERPLATE}
     * themselves one that shares its scan with the other two in the same mode (the same counts, one pass
     * per document for a chain using several); otherwise {@link KeywordMatcher#of}.
     */
    public static KeywordMatcher matcher(KeywordMatcher.Mode mode, List<String> list) {
        List<KeywordMatcher> shared = mode == KeywordMatcher.Mode.SUBSTRING ? TOGETHER : TOGETHER_WORDS;
        if (list == WEB_JUNK) {
            return shared.get(0);
        } else if (list == NAV) {
            return shared.get(1);
        } else if (list == BOILERPLATE) {
            return shared.get(2);
        }
        return KeywordMatcher.of(mode, list);
    }
}
