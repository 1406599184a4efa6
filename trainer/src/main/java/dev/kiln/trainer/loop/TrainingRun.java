package dev.kiln.trainer.loop;

import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.Configs;
import dev.kiln.tokenizer.Encoder;
import dev.kiln.trainer.Batch;
import dev.kiln.trainer.Device;
import dev.kiln.trainer.ForwardModel;
import dev.kiln.trainer.TrainerConfig;
import dev.kiln.trainer.TrainerSession;
import dev.kiln.trainer.eval.EvalResult;
import dev.kiln.trainer.eval.Evaluator;
import dev.kiln.trainer.eval.SampleConfig;
import dev.kiln.trainer.eval.Sampler;
import dev.kiln.trainer.eval.Window;
import dev.kiln.trainer.model.Init;
import dev.kiln.trainer.model.LlamaConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training loop, top to bottom as nanoGPT's {@code train.py}: open the data, build or resume the
 * state, run the microset check on a copy, then for each optimiser step: poll the control file, draw a
 * batch, step, log; evaluate on the FIXED validation windows every {@code eval_interval} steps (with
 * greedy samples of the fixed prompts); checkpoint every {@code save_interval} steps (evaluating first,
 * so the best slot is ranked by the model being saved); at the end write {@code final/} with the
 * exported forward model {@code model.onnx} and the loss curve.
 *
 * <p>With {@code epochs} the windows are sequential epochs and an {@code epoch_NNN/} snapshot (never
 * rotated) is kept when each epoch ends.
 *
 * <p>Resume ({@link Options#resume}) restores params, AdamW moments, the step counter, the sampler
 * position and the runtime settings from the newest {@code step_*} checkpoint: the continued run
 * computes exactly what the uninterrupted one would have (tested bit for bit). {@code final/} is written
 * to {@code final.tmp/} and renamed when complete; a resume that finds the last step's checkpoint but
 * no complete {@code final/} (killed during the export) redoes the export from that checkpoint, and the
 * files are byte-identical to an uninterrupted run's (tested).
 */
public final class TrainingRun {

    /** Outputs in the run directory. */
    public static final String FINAL = "final", SAMPLES = "samples.txt", CONFIG = "run_config.json", EXPORT = "model.onnx";

    /**
     * How to run.
     *
     * @param resume    continue from the newest checkpoint in the run directory
     * @param stopAfter stop (with a checkpoint) after this many steps in this invocation; 0 = run to the end
     */
    public record Options(boolean resume, int stopAfter) {
    }

    /** What a run did: the losses of the steps it ran, the last evaluation, the final step. */
    public record Result(long firstStep, List<Float> losses, EvalResult lastEval, long step, boolean finished) {
    }

    private final TrainConfig cfg;
    private final Path runDir;
    private final PrintStream out;
    private final DataSet data;
    private final LlamaConfig arch;
    private final List<Window> valWindows;
    private final RuntimeControl controlFile;
    private final CheckpointManager checkpoints;
    private Encoder encoder;

    private TrainingRun(TrainConfig cfg, DataSet data, Path runDir, PrintStream out) {
        this.cfg = cfg;
        this.runDir = runDir;
        this.out = out;
        this.data = data;
        this.arch = LlamaConfig.preset(cfg.model()).withVocab(data.vocab());
        this.valWindows = validationWindows(data.val().tokens(), cfg);
        this.controlFile = new RuntimeControl(runDir);
        this.checkpoints = new CheckpointManager(runDir, cfg.keepLast());
    }

    /** Trains on the shards in {@code dataDir} into {@code runDir}, printing progress to {@code out}. */
    public static Result run(TrainConfig cfg, Path dataDir, Path runDir, Options opts, PrintStream out) throws Exception {
        DataSet data = DataSet.open(dataDir);
        Files.createDirectories(runDir);
        return new TrainingRun(cfg, data, runDir, out).loop(opts);
    }

    /** The validation windows scored at every evaluation (fixed for the run). */
    public static List<Window> validationWindows(long valTokens, TrainConfig cfg) {
        List<Window> w = new ArrayList<>();
        for (long s : RandomWindows.fixedStarts(valTokens, cfg.seq(), cfg.evalWindows(), cfg.seed() + 1)) {
            w.add(new Window(s, cfg.seq(), 0));
        }
        return List.copyOf(w);
    }

    private Result loop(Options opts) throws Exception {
        TrainerConfig engine = cfg.engine(arch);
        Schedule schedule = new Schedule(cfg.warmup(), cfg.steps(), cfg.minLr() / cfg.lr());
        float[] params;
        float[] m = null;
        float[] v = null;
        long step = 0;
        long tokens = 0;
        long drawn = 0;
        RunState.Control control = RunState.Control.of(cfg);
        RunState saved = null; // the state of the newest step checkpoint: final/ repeats it
        Path latest = checkpoints.latest();
        if (opts.resume()) {
            if (latest == null) {
                throw new ConfigException(runDir + ": no step_* checkpoint to resume from");
            }
            Checkpoint.Loaded c = Checkpoint.load(latest);
            checkCompatible(c.state());
            params = c.params();
            m = c.m();
            v = c.v();
            step = c.state().step();
            tokens = c.state().tokens();
            drawn = c.state().windowsDrawn();
            control = c.state().control();
            saved = c.state();
            out.printf(Locale.ROOT, "resuming from %s at step %,d (%,d tokens)%n", latest, step, tokens);
            if (step >= cfg.steps()) {
                out.printf(Locale.ROOT, "training finished at step %,d; redoing the final export%n", step);
            }
        } else {
            if (latest != null || Files.exists(runDir.resolve(FINAL))) {
                throw new ConfigException(runDir + " already holds a run. HINT: pass --resume to continue it, or choose a new -o");
            }
            params = Init.params(arch, cfg.seed());
        }
        out.println(arch.describe());
        out.printf(Locale.ROOT, "device %s, precision %s%n", engine.device().toString().toLowerCase(Locale.ROOT), engine.precision());
        out.printf(Locale.ROOT, "data %s: train %,d tokens, val %,d tokens (%d fixed windows of %d); %,d tokens per step%n",
                data.dir(), data.train().tokens(), data.val().tokens(), valWindows.size(), cfg.seq(), cfg.tokensPerStep());
        Files.writeString(runDir.resolve(CONFIG), Configs.JSON.writeValueAsString(Map.of("config", cfg, "arch", arch,
                "data", data.dir().toAbsolutePath().toString())));
        Device device = Device.parse(cfg.device());
        try (Evaluator ev = Evaluator.create(arch, cfg.batch(), cfg.seq(), device, cfg.threads())) {
            if (!opts.resume() && cfg.microsetSteps() > 0) {
                MicrosetCheck.Result r = MicrosetCheck.run(engine, params, data.train(), ev, cfg.microsetSteps(), cfg.lr(),
                        cfg.microsetMinDrop());
                out.println(r.line());
                if (!r.passed()) {
                    throw new IllegalStateException(r.line() + ". HINT: the model cannot memorise 4 windows; check the data and lr, "
                            + "or pass --microset-steps 0");
                }
            }
            RandomWindows windows = cfg.epochs() ? RandomWindows.epochs(data.train().tokens(), cfg.seq(), cfg.seed(), drawn)
                    : new RandomWindows(data.train().tokens(), cfg.seq(), cfg.seed(), drawn);
            long firstStep = step;
            List<Float> losses = new ArrayList<>();
            EvalResult lastEval = null;
            long lastEvalStep = -1;
            boolean stop = false;
            try (TrainerSession s = TrainerSession.create(engine, params);
                 MetricsLog metrics = MetricsLog.open(runDir, step)) {
                if (m != null) {
                    s.setState(params, m, v, step);
                }
                if (s.placement() != null) {
                    out.println(s.placement().line());
                }
                int k = cfg.stepsPerRun();
                int rows = cfg.batch() * cfg.accumulation();
                long intervalNanos = 0;
                long intervalTokens = 0;
                long intervalSteps = 0;
                double intervalLoss = 0;
                long trainNanos = 0;
                long trainSteps = 0;
                while (step < cfg.steps() && !stop) {
                    if (step % cfg.controlPoll() < k || step == firstStep) {
                        RuntimeControl.Poll p = controlFile.poll(control);
                        p.messages().forEach(out::println);
                        control = p.control();
                        stop = p.stop();
                        if (stop) {
                            break;
                        }
                    }
                    long epochsBefore = windows.epochsDone();
                    List<Batch> batches = new ArrayList<>();
                    float[] lrs = new float[k];
                    for (int i = 0; i < k; i++) {
                        batches.add(batch(windows.next(rows)));
                        lrs[i] = (float) schedule.lr((int) step + i + 1, control.lr());
                    }
                    long t0 = System.nanoTime();
                    float[] l = s.run(batches, lrs);
                    long dt = System.nanoTime() - t0;
                    float[] gn = s.lastGradNorms();
                    intervalNanos += dt;
                    trainNanos += dt;
                    trainSteps += k;
                    for (int i = 0; i < k; i++) {
                        losses.add(l[i]);
                        intervalLoss += l[i];
                    }
                    long prev = step;
                    step += k;
                    tokens += (long) k * cfg.tokensPerStep();
                    intervalTokens += (long) k * cfg.tokensPerStep();
                    intervalSteps += k;
                    boolean last = step >= cfg.steps() || (opts.stopAfter() > 0 && step - firstStep >= opts.stopAfter());
                    boolean doEval = crosses(prev, step, control.evalInterval()) || last;
                    boolean doSave = crosses(prev, step, control.saveInterval()) || last;
                    boolean doLog = crosses(prev, step, control.logInterval()) || doEval || last;
                    Map<String, Object> rec = new LinkedHashMap<>();
                    if (doLog) {
                        double tps = intervalTokens / (intervalNanos / 1e9);
                        double msPerStep = trainNanos / 1e6 / trainSteps;
                        rec.put("step", step);
                        rec.put("loss", l[k - 1]);
                        rec.put("loss_avg", (float) (intervalLoss / (intervalSteps)));
                        rec.put("lr", lrs[k - 1]);
                        rec.put("tokens_per_s", Math.round(tps));
                        rec.put("tokens", tokens);
                        rec.put("ms_per_step", round(msPerStep, 2));
                        rec.put("grad_norm", gn[k - 1]);
                        out.printf(Locale.ROOT, "step %,d/%,d: loss %.3f, lr %.1e, %,.0f ms, %,.0f tok/s, ETA %s%n", step, cfg.steps(),
                                l[k - 1], lrs[k - 1], intervalNanos / 1e6 / intervalSteps, tps,
                                eta((cfg.steps() - step) * msPerStep));
                        intervalNanos = 0;
                        intervalTokens = 0;
                        intervalSteps = 0;
                        intervalLoss = 0;
                    }
                    if (doEval || doSave) {
                        float[] p = s.params();
                        lastEval = ev.evaluate(p, data.val(), valWindows, data.bytes());
                        lastEvalStep = step;
                        rec.put("val_loss", lastEval.loss());
                        rec.put("val_ppl", lastEval.ppl());
                        if (!Double.isNaN(lastEval.bpb())) {
                            rec.put("val_bpb", lastEval.bpb());
                        }
                        out.printf(Locale.ROOT, "eval step %,d: val loss %.4f, ppl %.2f%s%n", step, lastEval.loss(), lastEval.ppl(),
                                Double.isNaN(lastEval.bpb()) ? "" : String.format(Locale.ROOT, ", bpb %.4f", lastEval.bpb()));
                        if (doEval) {
                            samples(p, step);
                        }
                    }
                    if (!rec.isEmpty()) {
                        metrics.write(rec);
                    }
                    if (doEval) {
                        LossCurve.render(MetricsLog.read(runDir), runDir.resolve(LossCurve.FILE), "kiln train " + arch.name());
                    }
                    if (cfg.epochs() && windows.epochsDone() > epochsBefore) {
                        Path snap = runDir.resolve(String.format(Locale.ROOT, "epoch_%03d", windows.epochsDone()));
                        Checkpoint.save(snap, arch, s.params(), s.moment1(), s.moment2(),
                                state(step, tokens, windows.drawn(), control, lastEvalStep == step ? lastEval : null));
                        out.printf(Locale.ROOT, "epoch %,d done at step %,d: snapshot %s%n", windows.epochsDone(), step, snap);
                    }
                    if (doSave) {
                        RunState st = state(step, tokens, windows.drawn(), control, lastEval);
                        saved = st;
                        Path dir = checkpoints.save(new CheckpointManager.TrainingState(s.params(), s.moment1(), s.moment2()), st);
                        out.println("saved " + dir);
                    }
                    if (opts.stopAfter() > 0 && step - firstStep >= opts.stopAfter()) {
                        stop = true;
                    }
                }
                if (stop && step < cfg.steps()) {
                    Path newest = checkpoints.latest();
                    if (newest == null || !newest.getFileName().toString().equals(CheckpointManager.name(step))) {
                        RunState st = state(step, tokens, windows.drawn(), control, lastEvalStep == step ? lastEval : null);
                        checkpoints.save(new CheckpointManager.TrainingState(s.params(), s.moment1(), s.moment2()), st);
                    }
                    out.printf(Locale.ROOT, "stopped at step %,d; continue with --resume%n", step);
                    return new Result(firstStep, losses, lastEval, step, false);
                }
                // the last step always saves, so the final state is that checkpoint's (a resume after a kill during
                // the export reads it back, val_loss and val_bpb included); final/ records no clock time
                RunState last = saved != null && saved.step() == step ? saved
                        : state(step, tokens, windows.drawn(), control, lastEvalStep == step ? lastEval : null);
                writeFinal(s.params(), last.withSavedAt(null));
            }
            return new Result(firstStep, losses, lastEval, step, true);
        }
    }

    private Batch batch(long[] starts) {
        int seq = cfg.seq();
        int[] x = new int[starts.length * seq];
        int[] y = new int[x.length];
        int[] buf = new int[seq + 1];
        for (int r = 0; r < starts.length; r++) {
            data.train().read(starts[r], buf);
            System.arraycopy(buf, 0, x, r * seq, seq);
            System.arraycopy(buf, 1, y, r * seq, seq);
        }
        return new Batch(starts.length, seq, x, y);
    }

    private static boolean crosses(long prev, long now, int interval) {
        return now / interval > prev / interval;
    }

    private RunState state(long step, long tokens, long drawn, RunState.Control control, EvalResult eval) {
        Double loss = eval == null ? null : eval.loss();
        Double bpb = eval == null || Double.isNaN(eval.bpb()) ? null : eval.bpb();
        return new RunState(step, tokens, drawn, control, loss, bpb, cfg, arch, data.dir().toAbsolutePath().toString(),
                Instant.now().toString());
    }

    private void checkCompatible(RunState s) {
        TrainConfig o = s.config();
        if (!o.model().equals(cfg.model()) || o.batch() != cfg.batch() || o.seq() != cfg.seq()
                || o.accumulation() != cfg.accumulation() || o.seed() != cfg.seed() || !s.arch().equals(arch)) {
            throw new ConfigException("the checkpoint was trained with model " + o.model() + ", batch " + o.batch() + ", seq " + o.seq()
                    + ", accumulation " + o.accumulation() + ", seed " + o.seed() + ", vocab " + s.arch().vocab()
                    + "; this run asks for " + cfg.model() + ", " + cfg.batch() + ", " + cfg.seq() + ", " + cfg.accumulation() + ", "
                    + cfg.seed() + ", " + arch.vocab() + ". HINT: resume with the original settings");
        }
    }

    /**
     * Writes {@code final/} (model.safetensors, state.json, model.onnx) into {@code final.tmp/} and renames it
     * when complete, so {@code final/} is whole or absent; its bytes depend only on the weights and the state,
     * so a resume that redoes an interrupted export writes the same files as an uninterrupted run.
     */
    private void writeFinal(float[] params, RunState state) throws Exception {
        Path dir = runDir.resolve(FINAL);
        byte[] onnx = ForwardModel.build(arch, 1, cfg.seq(), params, false).toByteArray();
        Checkpoint.save(dir, arch, params, null, null, state, Map.of(EXPORT, onnx));
        LossCurve.render(MetricsLog.read(runDir), runDir.resolve(LossCurve.FILE), "kiln train " + arch.name());
        out.printf(Locale.ROOT, "final model: %s (model.safetensors, %s for any ONNX runtime); loss curve: %s%n", dir, EXPORT,
                runDir.resolve(LossCurve.FILE));
    }

    /** Greedy samples of the fixed prompts, appended to {@code samples.txt}. */
    private void samples(float[] params, long step) throws Exception {
        if (data.tokenizer() == null || cfg.prompts().isEmpty()) {
            return;
        }
        if (encoder == null) {
            encoder = Encoder.load(data.tokenizer());
        }
        StringBuilder sb = new StringBuilder();
        try (Sampler sampler = Sampler.ofParams(arch, params, cfg.seq(), Device.parse(cfg.device()), cfg.threads())) {
            for (String prompt : cfg.prompts()) {
                int[] ids = encoder.encode(prompt);
                if (ids.length == 0) {
                    continue;
                }
                int[] gen = sampler.generate(ids, SampleConfig.greedy(cfg.sampleTokens()), data.eosId());
                String text = encoder.decode(SampleJob.concat(ids, gen));
                sb.append("step ").append(step).append(" [greedy]\nprompt: ").append(prompt).append('\n')
                        .append(text).append("\n\n");
                if (prompt.equals(cfg.prompts().getFirst())) {
                    out.println("sample: " + text.replace('\n', ' '));
                }
            }
        }
        Files.writeString(runDir.resolve(SAMPLES), sb.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static String eta(double ms) {
        long s = Math.round(ms / 1000);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
