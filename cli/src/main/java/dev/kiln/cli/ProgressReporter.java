package dev.kiln.cli;

import dev.kiln.core.pipeline.Progress;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows progress: a live progress bar (documents/s, MB/s, ETA) on a terminal, and a plain log line every
 * {@value #LOG_EVERY_SECONDS} seconds otherwise (CI logs, redirected output).
 */
final class ProgressReporter implements Progress.Listener {

    static final int LOG_EVERY_SECONDS = 10;

    private final String task;
    private final boolean quiet;
    private final boolean tty;
    private final PrintStream log;
    private ProgressBar bar;
    private long lastLog;

    ProgressReporter(String task, boolean quiet) {
        this(task, quiet, System.console() != null && System.console().isTerminal(), System.err);
    }

    ProgressReporter(String task, boolean quiet, boolean tty, PrintStream log) {
        this.task = task;
        this.quiet = quiet;
        this.tty = tty;
        this.log = log;
    }

    @Override
    public void onProgress(Progress p) {
        if (quiet) {
            return;
        }
        if (tty) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(p.totalBytes() > 0 ? p.totalBytes() / 1000 : -1)
                        .setUnit(" MB", 1000).setStyle(ProgressBarStyle.ASCII).showSpeed().setMaxRenderedLength(120)
                        .continuousUpdate().build();
            }
            bar.stepTo(p.bytesRead() / 1000);
            bar.setExtraMessage(String.format(Locale.ROOT, "%,d docs %,.0f docs/s", p.docsRead(), p.docsPerSecond()));
        } else if (p.elapsedNanos() / 1_000_000_000L >= lastLog + LOG_EVERY_SECONDS) {
            lastLog = p.elapsedNanos() / 1_000_000_000L;
            log.println(line(task, p));
        }
    }

    @Override
    public void onFinish(Progress p) {
        if (bar != null) {
            bar.stepTo(p.bytesRead() / 1000);
            bar.close();
            bar = null;
        }
    }

    /** One plain progress line: {@code [filter] 12,345 docs (3,456 docs/s) 45.6/120.3 MB (12.3 MB/s) 38% ETA 0:12}. */
    static String line(String task, Progress p) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "[%s] %,d docs (%,.0f docs/s) %.1f", task,
                p.docsRead(), p.docsPerSecond(), p.bytesRead() / 1e6));
        if (p.totalBytes() > 0) {
            sb.append(String.format(Locale.ROOT, "/%.1f", p.totalBytes() / 1e6));
        }
        sb.append(String.format(Locale.ROOT, " MB (%.1f MB/s)", p.megabytesPerSecond()));
        if (p.fraction() >= 0) {
            long eta = Math.round(p.etaSeconds());
            sb.append(String.format(Locale.ROOT, " %d%% ETA %d:%02d", Math.round(p.fraction() * 100), eta / 60, eta % 60));
        }
        return sb.toString();
    }
}
