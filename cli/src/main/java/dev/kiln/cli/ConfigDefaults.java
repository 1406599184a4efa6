package dev.kiln.cli;

import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.Configs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Lets every command-line option come from a YAML file: {@code kiln filter --config job.yaml ...} reads
 * option {@code --max-weird-ratio} of verb {@code filter} from key {@code filter.max_weird_ratio}, else
 * from top-level {@code max_weird_ratio}. Flags given on the command line win over the file.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {

    /**
     * Split "regex" of list options whose values may contain commas (prompts): a control character
     * no one types, so a YAML list reaches picocli as separate values, and a repeated flag still works.
     */
    static final String LIST_SEPARATOR = "\u001F";

    private final Map<String, Object> config;

    private ConfigDefaults(Map<String, Object> config) {
        this.config = config;
    }

    /** A provider for the {@code --config FILE} named in {@code args}, or one that provides nothing. */
    static ConfigDefaults fromArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String file = null;
            if (a.equals("--config") && i + 1 < args.length) {
                file = args[i + 1];
            } else if (a.startsWith("--config=")) {
                file = a.substring("--config=".length());
            }
            if (file != null) {
                try {
                    return new ConfigDefaults(Configs.loadMap(Path.of(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (RuntimeException e) {
                    throw new ConfigException(file + ": " + e.getMessage());
                }
            }
        }
        return new ConfigDefaults(Map.of());
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec arg) {
        if (config.isEmpty() || !(arg instanceof CommandLine.Model.OptionSpec opt)) {
            return null;
        }
        String key = opt.longestName().replaceFirst("^-+", "").replace('-', '_');
        if (key.equals("config")) {
            return null;
        }
        String verb = opt.command() == null ? null : opt.command().name();
        Object v = null;
        if (verb != null && config.get(verb) instanceof Map<?, ?> section) {
            v = section.get(key);
        }
        if (v == null && !(config.get(key) instanceof Map<?, ?>)) {
            v = config.get(key);
        }
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> list) {
            String sep = opt.splitRegex();
            if (sep.isEmpty() && list.size() > 1) {
                throw new ConfigException(key + " takes one value, the config file gives a list of " + list.size());
            }
            // split regexes used by kiln's list options are literal characters: "," or LIST_SEPARATOR
            return String.join(sep.isEmpty() ? "," : sep, list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(v);
    }
}
