package io.referralrules.cli;

import io.referralrules.book.BookProgress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, for books that take more than a second, and only when a person is
 * watching (a terminal): piped or redirected output gets no control characters.
 */
final class ProgressBar {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean shown;

    ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    void update(BookProgress p) {
        long now = System.nanoTime();
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
