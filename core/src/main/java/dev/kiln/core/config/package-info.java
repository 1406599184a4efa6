/**
 * Configuration: records read from YAML, strict about keys and ranges.
 *
 * <p>Every kiln configuration is a Java record ({@code PrepareConfig}, {@code TrainConfig},
 * {@code DedupConfig}, ...) whose compact constructor fills defaults and validates each value with
 * {@link dev.kiln.core.config.ConfigException#checkRange}, giving one-line messages such as
 * {@code max_weird_ratio must be in [0, 1]: 1.5}. {@link dev.kiln.core.config.Configs} reads YAML (and
 * JSON) files into those records with snake_case keys; an unknown key is an error that lists the allowed
 * ones, so a typo never runs with a default. {@link dev.kiln.core.config.Configs#JSON} is the one mapper
 * for everything kiln writes: sorted keys and two-space indentation, so metadata and markers are
 * byte-stable.
 *
 * <p>A {@code ConfigException} is the user's mistake: the CLI prints its message on one line and exits 2
 * (a bad input file exits 1). Stage parameters are read the same strict way through
 * {@link dev.kiln.core.stage.Params}.
 */
package dev.kiln.core.config;
