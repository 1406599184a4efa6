package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;

/**
 * Lorem-ipsum placeholder pages: drops text in which words of the lorem-ipsum generators' vocabulary make
 * up at least {@code min_placeholder_share} of the words. C4 drops any page containing "lorem ipsum"; this
 * rule also catches generated placeholder that never says "lorem ipsum" ("Quis aliquip ut aute sunt enim"),
 * and keeps an article that quotes the phrase. The vocabulary is the words of npm {@code lorem-ipsum} 3.0.0
 * and of jinja2's {@code LOREM_IPSUM_WORDS} (lipsum.com's), without words of one or two letters and without
 * those that are also common English (sit, per, non, cum, est, nec, sed, pede, quam, vel, mus, dis, hac,
 * leo, nam). <p><b>NOTE:</b> real Latin prose shares some of these words; kiln's default profile is for English.
 */
public final class PlaceholderTextFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "placeholder_text";

    /** Default {@code min_placeholder_share}: placeholder pages measure 0.65 to 0.89, prose under 0.07. */
    public static final double DEFAULT_MIN_SHARE = 0.3;

    /** The vocabulary, space-separated. */
    static final String WORDS = """
            accumsan adipisicing adipiscing aenean aliqua aliquam aliquet aliquip amet anim ante aptent arcu auctor augue
            aute bibendum blandit cillum class commodo condimentum congue consectetuer consectetur consequat conubia
            convallis cras cubilia culpa cupidatat curabitur curae cursus dapibus deserunt diam dictum dictumst dignissim
            dolor dolore donec dui duis egestas eget eiusmod eleifend elementum elit enim erat eros esse etiam euismod
            excepteur exercitation facilisi facilisis fames faucibus felis fermentum feugiat fringilla fugiat fusce
            gravida habitant habitasse hendrerit hymenaeos iaculis imperdiet inceptos incididunt integer interdum ipsum
            irure justo labore laboris laborum lacinia lacus laoreet lectus libero ligula litora lobortis lorem luctus
            maecenas magna magnis malesuada massa mattis mauris metus minim molestie mollis mollit montes morbi nascetur
            natoque neque netus nibh nisi nisl nonummy nostra nostrud nulla nullam nunc occaecat odio officia orci ornare
            pariatur parturient pellentesque penatibus pharetra phasellus placerat platea porta porttitor posuere potenti
            praesent pretium primis proident proin pulvinar purus quis quisque reprehenderit rhoncus ridiculus risus
            rutrum sagittis sapien scelerisque semper senectus sint sociis sociosqu sodales sollicitudin sunt suscipit
            suspendisse taciti tellus tempor tempus tincidunt torquent tortor tristique turpis ullamco ullamcorper
            ultrices ultricies urna varius vehicula velit venenatis veniam vestibulum vitae vivamus viverra voluptate
            volutpat vulputate""";

    static final VocabularyShare.Vocabulary VOCABULARY = VocabularyShare.KILN.get(1);

    private final double minShare;

    public PlaceholderTextFilter(double minShare) {
        this.minShare = ConfigException.checkRange("min_placeholder_share", minShare, 0.0, 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        double share = VocabularyShare.of(doc.text(), VOCABULARY);
        return share >= minShare && share > 0 ? Decision.drop(NAME, share) : Decision.keep();
    }
}
