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
 * and of jinja2's {@code LOREM_IPSUM_WORDS} (lipsum.com's), and those of Cicero's De finibus 1.10.32-33
 * ("Sed ut perspiciatis unde omnis iste natus error sit voluptatem..."), the other passage generators draw
 * from (faker, Perl's Text::Lorem), without words of one or two letters and without those that are also
 * English (sit, per, non, cum, est, nec, sed, pede, quam, vel, mus, dis, hac, leo, nam, error, minus, quasi,
 * dicta, nemo, minima, alias, provident, maxime, ...). <p><b>NOTE:</b> real Latin prose shares some of these words; kiln's default profile is for English.
 */
public final class PlaceholderTextFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "placeholder_text";

    /** Default {@code min_placeholder_share}: placeholder pages measure 0.65 to 0.89, prose under 0.07. */
    public static final double DEFAULT_MIN_SHARE = 0.3;

    /** The vocabulary, space-separated. */
    static final String WORDS = """
            accumsan accusamus accusantium adipisci adipiscing adipisicing aenean aliqua aliquam aliquet aliquid aliquip
            amet anim ante aperiam aptent architecto arcu asperiores aspernatur assumenda atque auctor augue aut aute
            autem beatae bibendum blandit blanditiis cillum class commodi commodo condimentum congue consectetuer
            consectetur consequat consequatur consequuntur conubia convallis corporis corrupti cras cubilia culpa cumque
            cupidatat cupiditate curabitur curae cursus dapibus debitis delectus deleniti deserunt diam dictum dictumst
            dignissim dignissimos distinctio dolor dolore dolorem doloremque doloribus dolorum donec ducimus dui duis
            eaque earum egestas eget eius eiusmod eleifend elementum eligendi elit enim eos erat eros esse etiam euismod
            eum eveniet excepteur excepturi exercitation exercitationem expedita explicabo facilis facilisi facilisis
            fames faucibus felis fermentum feugiat fringilla fugiat fugit fusce gravida habitant habitasse harum hendrerit
            hymenaeos iaculis illo illum impedit imperdiet inceptos incididunt incidunt integer interdum inventore ipsa
            ipsam ipsum irure iste itaque iusto justo labore laboriosam laboris laborum lacinia lacus laoreet laudantium
            lectus libero ligula litora lobortis lorem luctus maecenas magna magnam magni magnis maiores malesuada massa
            mattis mauris metus minim molestiae molestias molestie mollis mollit mollitia montes morbi nascetur natoque
            natus necessitatibus neque nesciunt netus nibh nisi nisl nobis nonummy nostra nostrud nostrum nulla nullam
            numquam nunc occaecat occaecati odio odit officia officiis omnis optio orci ornare pariatur parturient
            pellentesque penatibus perferendis perspiciatis pharetra phasellus placeat placerat platea porro porta
            porttitor possimus posuere potenti praesent praesentium pretium primis proident proin pulvinar purus quae
            quaerat quia quibusdam quidem quis quisquam quisque quos ratione recusandae reiciendis repellat repellendus
            reprehenderit repudiandae rerum rhoncus ridiculus risus rutrum saepe sagittis sapien scelerisque semper
            senectus sequi similique sint sociis sociosqu sodales sollicitudin soluta sunt suscipit suspendisse taciti
            tellus tempor tempora temporibus tempus tenetur tincidunt torquent tortor totam tristique turpis ullam ullamco
            ullamcorper ultrices ultricies urna varius vehicula velit venenatis veniam veritatis vestibulum vitae vivamus
            viverra voluptas voluptate voluptatem voluptates voluptatibus voluptatum volutpat vulputate""";

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
