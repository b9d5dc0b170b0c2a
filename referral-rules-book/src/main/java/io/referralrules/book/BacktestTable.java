package io.referralrules.book;

import io.referralrules.book.BacktestReport.HeldBack;
import io.referralrules.book.BacktestReport.Outcomes;
import io.referralrules.book.BacktestReport.Side;

import java.util.Locale;
import java.util.Objects;

/**
 * A {@link BacktestReport} as plain text for a terminal: a heading, then per side the tables by stage, warning, trust
 * builder and signal, and held back against allowed; with a comparison, the two sides' held-back figures side by side
 * and which separates converting from non-converting asks better. Rates are percentages with their 95% Wilson
 * interval; a figure that cannot be worked out is {@code n/a}. Lines end with {@code \n}; numbers are written the same
 * in every locale.
 *
 * <pre>{@code
 * System.out.print(BacktestTable.write(report));
 * }</pre>
 */
public final class BacktestTable {
    private static final String ROW = "  %-26s %8s %8s %7s  %-15s %9s %9s%n";

    private BacktestTable() {
    }

    /**
     * The text.
     *
     * @throws NullPointerException if {@code report} is {@code null}
     */
    public static String write(BacktestReport report) {
        Objects.requireNonNull(report, "report");
        StringBuilder out = new StringBuilder(4096);
        out.append(String.format(Locale.ROOT, "Backtest of %,d asks of %,d customers (%,d failed): an introduction counts within %d days"
                        + " of the ask, a referred sale within %d days.%n", report.asks(), report.customers(), report.failed(),
                report.outcomeDays(), report.referredSaleDays()));
        if (report.introductionsWithoutAsk() > 0 || report.introductionsAfterWindow() > 0) {
            out.append(String.format(Locale.ROOT, "Not counted for any ask: %,d introductions naming no ask, %,d outside their ask's window.%n",
                    report.introductionsWithoutAsk(), report.introductionsAfterWindow()));
        }
        side(out, report.second() == null ? "" : "First: ", report.first());
        if (report.second() != null) {
            side(out, "Second: ", report.second());
            comparison(out, report);
        }
        return out.toString();
    }

    private static void side(StringBuilder out, String label, Side side) {
        out.append(String.format(Locale.ROOT, "%n%s%s (feedback window %d days)%n", label, side.playbook(), side.policy().feedbackWindowDays()));
        header(out, "Stage the day before");
        side.stages().forEach(s -> row(out, s.stage().name(), s.outcomes()));
        row(out, "all asks", side.all());
        header(out, "Warning the ask drew");
        row(out, "none", side.noWarning());
        side.warnings().forEach(w -> row(out, w.warning().name(), w.outcomes()));
        header(out, "Trust builder the day before");
        for (BacktestReport.TrustBuilderLift b : side.trustBuilders()) {
            row(out, b.builder().name() + " met", b.met());
            row(out, b.builder().name() + " not met", b.notMet());
            out.append(String.format(Locale.ROOT, "  %-26s %8s%n", "  lift", lift(b.lift())));
        }
        header(out, "Signal the day before");
        for (BacktestReport.SignalLift s : side.signals()) {
            row(out, s.signal().name(), s.with());
            row(out, "not " + s.signal().name(), s.without());
            out.append(String.format(Locale.ROOT, "  %-26s %8s%n", "  lift", lift(s.lift())));
        }
        HeldBack h = side.heldBack();
        header(out, "Held back or allowed");
        row(out, "allowed (READY_TO_ASK)", h.allowed());
        row(out, "held back (other stages)", h.heldBack());
        out.append(String.format(Locale.ROOT, "  Held back: %s of asks, %s of introductions; rate allowed minus held back: %s.%n",
                percent(h.shareHeldBack()), percent(h.introductionsHeldBack()), points(h.separation())));
    }

    private static void comparison(StringBuilder out, BacktestReport report) {
        HeldBack a = report.first().heldBack();
        HeldBack b = report.second().heldBack();
        String first = report.first().playbook().toString();
        String second = report.second().playbook().toString();
        out.append(String.format(Locale.ROOT, "%nComparison%n"));
        String row = "  %-34s %22s %22s%n";
        out.append(String.format(Locale.ROOT, row, "", "first " + first, "second " + second));
        out.append(String.format(Locale.ROOT, row, "rate when allowed", rate(a.allowed()), rate(b.allowed())));
        out.append(String.format(Locale.ROOT, row, "rate when held back", rate(a.heldBack()), rate(b.heldBack())));
        out.append(String.format(Locale.ROOT, row, "allowed minus held back", points(a.separation()), points(b.separation())));
        out.append(String.format(Locale.ROOT, row, "asks held back", percent(a.shareHeldBack()), percent(b.shareHeldBack())));
        out.append(String.format(Locale.ROOT, row, "introductions held back", percent(a.introductionsHeldBack()),
                percent(b.introductionsHeldBack())));
        out.append(switch (report.better()) {
            case FIRST -> "Separates converting from non-converting asks better: the first, " + first + ".\n";
            case SECOND -> "Separates converting from non-converting asks better: the second, " + second + ".\n";
            case EVEN -> "The two separate converting from non-converting asks equally well.\n";
            case UNDECIDED -> "Cannot tell which separates better: a side allowed every ask or held every ask back.\n";
        });
    }

    private static void header(StringBuilder out, String title) {
        out.append(String.format(Locale.ROOT, "%n" + ROW, title, "asks", "intros", "rate", "95% interval", "confirmed", "ref.sales"));
    }

    private static void row(StringBuilder out, String name, Outcomes o) {
        Wilson.Interval i = o.interval();
        out.append(String.format(Locale.ROOT, ROW, name, count(o.asks()), count(o.introductions()), percent(o.rate()),
                i == null ? "n/a" : String.format(Locale.ROOT, "%.1f-%.1f%%", 100 * i.low(), 100 * i.high()),
                count(o.confirmed()), count(o.referredSales())));
    }

    private static String rate(Outcomes o) {
        return o.asks() == 0 ? "n/a" : percent(o.rate()) + " of " + count(o.asks());
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String percent(Double share) {
        return share == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String points(Double difference) {
        return difference == null ? "n/a" : String.format(Locale.ROOT, "%+.1f points", 100 * difference);
    }

    private static String lift(Double lift) {
        return lift == null ? "n/a" : String.format(Locale.ROOT, "x%.2f", lift);
    }
}
