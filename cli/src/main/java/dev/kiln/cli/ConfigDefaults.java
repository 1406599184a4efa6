package dev.kiln.cli;

import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.Configs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Lets every command-line option come from a YAML file: {@code kiln filter --config job.yaml ...} reads
 * option {@code --max-weird-ratio} of verb {@code filter} from key {@code filter.max_weird_ratio}, else
 * from top-level {@code max_weird_ratio}. Flags given on the command line win over the file.
 *
 * <p>Like a typed config file, the file is strict ({@link #check}, run before the command): a top-level key
 * must be an option of the verb being run, a mapping must be named after a verb and hold only that verb's
 * options; anything else is an error listing the allowed keys. Relative paths in the file are relative to
 * the file's folder: the values of {@code Path} options, and of the string options that name files
 * ({@code --profile FILE.yaml}, {@code tokenizer train --input}).
 *
 * <p><b>NOTE:</b> {@code kiln run} and {@code kiln prepare} read their {@code --config} file as a typed
 * pipeline or prepare file (strict and path-resolving in their own way), so no defaults come from it here.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {

    /**
     * Split "regex" of list options whose values may contain commas (prompts): a control character
     * no one types, so a YAML list reaches picocli as separate values, and a repeated flag still works.
     */
    static final String LIST_SEPARATOR = "\u001F";

    /** Verbs whose {@code --config} is a typed file they load themselves. */
    private static final Set<String> TYPED_CONFIG = Set.of("run", "prepare");

    /** Parameter labels of string options that name files or inputs (resolved against the config's folder). */
    private static final Pattern FILE_LABEL = Pattern.compile("\\b(FILE|DIR|IN|GLOB)\\b");

    private final Path file;
    private final Map<String, Object> config;
    private final ConfigException problem;

    private ConfigDefaults(Path file, Map<String, Object> config, ConfigException problem) {
        this.file = file;
        this.config = config;
        this.problem = problem;
    }

    /**
     * A provider for the {@code --config FILE} named in {@code args}, or one that provides nothing. A file
     * that cannot be read is reported by {@link #check} (one line, exit 2), not thrown here.
     */
    static ConfigDefaults fromArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = null;
            if (a.equals("--config") && i + 1 < args.length) {
                name = args[i + 1];
            } else if (a.startsWith("--config=")) {
                name = a.substring("--config=".length());
            }
            if (name != null) {
                Path p = Path.of(name);
                try {
                    return new ConfigDefaults(p, Configs.loadMap(p), null);
                } catch (IOException e) {
                    return new ConfigDefaults(p, Map.of(), new ConfigException(name + ": cannot read the config file: "
                            + dev.kiln.core.io.FileErrors.describe(e)));
                } catch (RuntimeException e) {
                    return new ConfigDefaults(p, Map.of(), new ConfigException(name + ": " + e.getMessage()));
                }
            }
        }
        return new ConfigDefaults(null, Map.of(), null);
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec arg) {
        if (config.isEmpty() || !(arg instanceof CommandLine.Model.OptionSpec opt) || opt.command() == null) {
            return null;
        }
        String key = key(opt);
        if (key.equals("config") || TYPED_CONFIG.contains(opt.command().name()) && opt.command().parent() != null
                && opt.command().parent().parent() == null) {
            return null;
        }
        String verb = opt.command().name();
        Object v = null;
        if (config.get(verb) instanceof Map<?, ?> section) {
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
            return String.join(sep.isEmpty() ? "," : sep, list.stream().map(x -> resolve(opt, String.valueOf(x))).toList());
        }
        return resolve(opt, String.valueOf(v));
    }

    /** The config key of an option: its long name in snake_case. */
    private static String key(CommandLine.Model.OptionSpec opt) {
        return opt.longestName().replaceFirst("^-+", "").replace('-', '_');
    }

    /** {@code value} resolved against the config file's folder when the option names a file and the value is relative. */
    private String resolve(CommandLine.Model.OptionSpec opt, String value) {
        if (file == null || value.isEmpty() || !namesAFile(opt, value)) {
            return value;
        }
        Path base = file.toAbsolutePath().getParent();
        boolean list = value.startsWith("@");
        String p = list ? value.substring(1) : value;
        if (Path.of(p).isAbsolute()) {
            return value;
        }
        return (list ? "@" : "") + base.resolve(p).normalize();
    }

    private static boolean namesAFile(CommandLine.Model.OptionSpec opt, String value) {
        Class<?> type = opt.type();
        if (type == Path.class || type == Path[].class) {
            return true;
        }
        Class<?>[] aux = opt.auxiliaryTypes();
        if (aux != null && aux.length == 1 && aux[0] == Path.class) {
            return true;
        }
        String label = opt.paramLabel() == null ? "" : opt.paramLabel();
        if (!FILE_LABEL.matcher(label).find()) {
            return false;
        }
        // "NAME|FILE" options (filter --profile) hold a built-in name or a .yaml file
        return !label.contains("NAME") || value.endsWith(".yaml") || value.endsWith(".yml");
    }

    /**
     * Fails (one line, exit 2) if the config file could not be read or holds a key that no option of the
     * verb being run takes: a typo such as {@code learning_rate: 0.1} for {@code lr} must not run with the
     * default silently. Sections named after other verbs are checked against those verbs' options.
     *
     * @param leaf the command being run (the last subcommand on the command line)
     */
    void check(CommandLine leaf) {
        if (problem != null) {
            throw problem;
        }
        if (config.isEmpty()) {
            return;
        }
        CommandLine.Model.CommandSpec spec = leaf.getCommandSpec();
        if (TYPED_CONFIG.contains(spec.name()) && spec.parent() != null && spec.parent().parent() == null) {
            return;
        }
        CommandLine root = leaf;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        String verb = spec.qualifiedName(" ");
        Set<String> own = optionsOf(leaf);
        for (Map.Entry<String, Object> e : config.entrySet()) {
            String k = e.getKey();
            if (e.getValue() instanceof Map<?, ?> section) {
                // a section may be meant for another verb of the same name (train, bench train): a key is
                // unknown when no verb of that name takes it
                Set<String> allowed = optionsOf(root, k);
                if (allowed == null) {
                    throw unknown(k, "for " + verb + ", and no verb is called '" + k + "'", own);
                }
                for (Object sk : section.keySet()) {
                    if (!allowed.contains(String.valueOf(sk))) {
                        throw unknown(k + "." + sk, "(no verb '" + k + "' has such an option)", k.equals(spec.name()) ? own : allowed);
                    }
                }
            } else if (!own.contains(k)) {
                throw unknown(k, "for " + verb, own);
            }
        }
    }

    private ConfigException unknown(String key, String what, Set<String> allowed) {
        return new ConfigException(file + ": unknown key '" + key + "' " + what + "; allowed: " + allowed);
    }

    /** The config keys of one command's options. */
    private static Set<String> optionsOf(CommandLine cl) {
        Set<String> keys = new TreeSet<>();
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            String k = key(o);
            if (!k.equals("config") && !k.equals("help") && !k.equals("version")) {
                keys.add(k);
            }
        }
        return keys;
    }

    /** The config keys of every command named {@code name} in the tree (e.g. train and bench train), or null if none. */
    private static Set<String> optionsOf(CommandLine root, String name) {
        Set<String> keys = null;
        if (root.getCommandSpec().name().equals(name) && root.getParent() != null) {
            keys = optionsOf(root);
        }
        for (CommandLine sub : root.getSubcommands().values()) {
            Set<String> s = optionsOf(sub, name);
            if (s != null) {
                if (keys == null) {
                    keys = new TreeSet<>();
                }
                keys.addAll(s);
            }
        }
        return keys;
    }

    /** Runs {@link #check} on the command about to run, then {@code next}; a failure is a one-line error (exit 2). */
    static CommandLine.IExecutionStrategy checking(CommandLine.IExecutionStrategy next) {
        return parsed -> {
            List<CommandLine> chain = parsed.asCommandLineList();
            CommandLine leaf = chain.get(chain.size() - 1);
            if (leaf.getDefaultValueProvider() instanceof ConfigDefaults cd) {
                try {
                    cd.check(leaf);
                } catch (ConfigException e) {
                    throw new CommandLine.ExecutionException(leaf, e.getMessage(), e);
                }
            }
            return next.execute(parsed);
        };
    }
}
