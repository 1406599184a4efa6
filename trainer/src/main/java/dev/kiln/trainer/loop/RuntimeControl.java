package dev.kiln.trainer.loop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.config.Configs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code RUNDIR/control.json} (or {@code control.yaml}): settings a running training can be told to
 * change, read again whenever the file's modification time changes when polled. Keys: {@code lr}
 * (peak learning rate; the schedule keeps reading it, so the override persists, also across a resume),
 * {@code eval_interval}, {@code save_interval}, {@code log_interval} (integers >= 1) and
 * {@code stop: true} (save a checkpoint and stop). A bad key or value is reported and ignored; the
 * run never dies of a typo in its control file.
 */
public final class RuntimeControl {

    private static final Set<String> KEYS = Set.of("lr", "eval_interval", "save_interval", "log_interval", "stop");

    private final Path runDir;
    private FileTime seen;

    public RuntimeControl(Path runDir) {
        this.runDir = runDir;
    }

    /** Outcome of a poll: the settings to use, whether to stop, and one message per change or problem. */
    public record Poll(RunState.Control control, boolean stop, List<String> messages) {
    }

    /** Reads the control file if it changed since the last poll and applies it to {@code current}. */
    public Poll poll(RunState.Control current) {
        Path f = file();
        List<String> msgs = new ArrayList<>();
        if (f == null) {
            return new Poll(current, false, msgs);
        }
        JsonNode n;
        try {
            FileTime t = Files.getLastModifiedTime(f);
            if (t.equals(seen)) {
                return new Poll(current, false, msgs);
            }
            seen = t;
            n = (f.toString().endsWith(".json") ? Configs.JSON : Configs.YAML).readTree(f.toFile());
        } catch (IOException | RuntimeException e) {
            msgs.add(f + ": unreadable, ignored: " + e.getMessage().lines().findFirst().orElse(""));
            return new Poll(current, false, msgs);
        }
        if (n == null || !n.isObject()) {
            msgs.add(f + ": not an object, ignored");
            return new Poll(current, false, msgs);
        }
        double lr = current.lr();
        int eval = current.evalInterval();
        int save = current.saveInterval();
        int log = current.logInterval();
        boolean stop = false;
        for (var it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (!KEYS.contains(k)) {
                msgs.add(f + ": unknown key " + k + " ignored (allowed: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            } else if (k.equals("stop")) {
                stop = v.asBoolean(false);
            } else if (k.equals("lr")) {
                if (v.isNumber() && v.asDouble() > 0 && v.asDouble() <= 10) {
                    lr = v.asDouble();
                } else {
                    msgs.add(f + ": lr must be a number in (0, 10]: " + v + "; ignored");
                }
            } else if (!v.canConvertToInt() || v.asInt() < 1) {
                msgs.add(f + ": " + k + " must be an integer >= 1: " + v + "; ignored");
            } else if (k.equals("eval_interval")) {
                eval = v.asInt();
            } else if (k.equals("save_interval")) {
                save = v.asInt();
            } else {
                log = v.asInt();
            }
        }
        RunState.Control next = new RunState.Control(lr, eval, save, log);
        if (!next.equals(current)) {
            msgs.add("control: " + next);
        }
        return new Poll(next, stop, msgs);
    }

    private Path file() {
        for (String name : new String[] {"control.json", "control.yaml", "control.yml"}) {
            Path p = runDir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
