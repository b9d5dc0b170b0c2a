package io.referralrules.cli;

import io.referralrules.book.BookProgress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error, for books that take more than a second; enabled when a person is watching
 * (standard error is a terminal, see {@link Terminals}) or when {@code --progress} asks, so that piped or redirected
 * standard error gets no control characters unless asked for.
 */
final class ProgressBar {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private final LongSupplier clock;
    private final long started;
    private long lastDrawn;
    private boolean shown;

    ProgressBar(PrintStream out, boolean enabled) {
        this(out, enabled, System::nanoTime);
    }

    /** A bar on the given clock ({@link System#nanoTime()} but in tests). */
    ProgressBar(PrintStream out, boolean enabled, LongSupplier clock) {
        this.out = out;
        this.enabled = enabled;
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    void update(BookProgress p) {
        long now = clock.getAsLong();
        if (!enabled || now - started < SHOW_AFTER_NANOS || now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        shown = true;
        out.print('\r' + line(p, (now - started) / 1e9));
        out.flush();
    }

    /** Removes the bar so that other lines print cleanly. */
    void clear() {
        if (shown) {
            out.print("\r" + " ".repeat(78) + "\r");
            out.flush();
            shown = false;
        }
    }

    static String line(BookProgress p, double seconds) {
        double rate = seconds > 0 ? p.done() / seconds : 0;
        if (!p.totalKnown() || p.total() == 0) {
            return String.format(Locale.ROOT, "%,12d assessed  %,9.0f/s  %,d invalid", p.done(), rate, p.failed());
        }
        double share = Math.min(1.0, (double) p.done() / p.total());
        int filled = (int) Math.round(share * 30);
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%  %,d/%,d  %,.0f/s", "#".repeat(filled), ".".repeat(30 - filled),
                100 * share, p.done(), p.total(), rate);
    }
}
