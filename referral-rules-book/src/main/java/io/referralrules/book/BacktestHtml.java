package io.referralrules.book;

import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.Stage;
import io.referralrules.api.SurveyReading;
import io.referralrules.book.BacktestReport.HeldBack;
import io.referralrules.book.BacktestReport.Outcomes;
import io.referralrules.book.BacktestReport.Side;
import io.referralrules.book.BacktestReport.SignalLift;
import io.referralrules.book.BacktestReport.StageOutcomes;
import io.referralrules.book.BacktestReport.TrustBuilderLift;
import io.referralrules.book.BacktestReport.WarningOutcomes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link BacktestReport} as one self-contained HTML page: inline styles and inline SVG, no script, no font, no
 * request to anywhere, so it opens from a file or an e-mail on a machine with no network. From top to bottom: what was
 * backtested and how outcomes were counted; the key figures; asks allowed against asks held back, drawn as rates with
 * their 95% intervals; with a comparison, the two sides side by side and which separates converting from
 * non-converting asks better; then, per side, a table per stage at the time of the ask, per warning the ask drew, per
 * trust builder met and per survey signal (with lifts); the customers that could not be backtested; how to read it.
 *
 * <p>The report holds no names, e-mail addresses or free text of customers, so neither does the page: only counts,
 * rates, enum names, the playbooks and their thresholds, and the failures' ids, places and problems (which name fields,
 * ids and dates). Every text is escaped. The markup is well-formed XML (void elements closed, numeric character
 * references only), so it can be checked by any XML parser.
 *
 * <pre>{@code
 * BacktestReport report = Backtest.builder(engine).build().run(book);
 * Files.writeString(Path.of("backtest.html"), BacktestHtml.render(report));
 * }</pre>
 */
public final class BacktestHtml {
    /** Failures listed on the page; the rest are counted. */
    static final int LISTED_FAILURES = 20;
    /** Width in pixels of a rate bar in a table row, for a rate of 100%. */
    static final int ROW_BAR = 160;
    /** Width in pixels of a rate bar in the allowed / held back chart, for a rate of 100%. */
    static final int CHART_BAR = 480;

    private static final String NA = "n/a";
    private static final String DASH = "&#8211;";
    private static final String TIMES = "&#215;";
    private static final String DOT = " &#183; ";

    private BacktestHtml() {
    }

    /**
     * The page.
     *
     * @throws NullPointerException if {@code report} is {@code null}
     */
    public static String render(BacktestReport report) {
        Objects.requireNonNull(report, "report");
        boolean compared = report.second() != null;
        Side first = report.first();
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>Referral backtest: ").append(esc(first.playbook().toString()));
        if (compared) {
            h.append(" against ").append(esc(report.second().playbook().toString()));
        }
        h.append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(h, report);
        cards(h, report);
        heldBack(h, report);
        if (compared) {
            comparison(h, report);
        }
        side(h, report, first, compared ? "A" : null);
        if (compared) {
            side(h, report, report.second(), "B");
        }
        failures(h, report);
        howToRead(h, report);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, BacktestReport report) {
        h.append("<header><h1>Referral backtest</h1>\n<p class=\"sub\">");
        if (report.second() == null) {
            h.append("Playbook <b>").append(esc(report.first().playbook().toString())).append("</b>");
        } else {
            h.append("<span class=\"side sA\">A</span> playbook <b>").append(esc(report.first().playbook().toString()))
                    .append("</b> against <span class=\"side sB\">B</span> playbook <b>")
                    .append(esc(report.second().playbook().toString())).append("</b>");
        }
        h.append(DOT).append(num(report.asks())).append(" asks of ").append(num(report.customers())).append(" customers");
        if (report.failed() > 0) {
            h.append(" (").append(num(report.failed())).append(" could not be backtested)");
        }
        h.append("</p>\n<p class=\"sub\">Each ask re-assessed as the book knew the customer the day before it. An ask")
                .append(" counts as an introduction when one naming it was agreed within <b>").append(report.outcomeDays())
                .append(" days</b>; confirmed when confirmed within those days; a referred sale within <b>")
                .append(report.referredSaleDays()).append(" days</b> of the ask.");
        if (report.introductionsWithoutAsk() > 0 || report.introductionsAfterWindow() > 0) {
            h.append(" Not counted for any ask: <span id=\"not-counted\">").append(num(report.introductionsWithoutAsk()))
                    .append(" introductions naming no ask, ").append(num(report.introductionsAfterWindow()))
                    .append(" outside their ask&#8217;s window</span>.");
        }
        h.append("</p></header>\n");
    }

    private static void cards(StringBuilder h, BacktestReport report) {
        Side side = report.first();
        Outcomes all = side.all();
        HeldBack hb = side.heldBack();
        h.append("<section class=\"cards\" id=\"figures\">\n");
        figure(h, "Asks", num(all.asks()), "re-assessed the day before");
        figure(h, "Introductions", num(all.introductions()), rateText(all) + " of asks");
        figure(h, "Confirmed", num(all.confirmed()), "of " + num(all.introductions()) + " introductions");
        figure(h, "Referred sales", num(all.referredSales()), "within " + report.referredSaleDays() + " days");
        figure(h, "Held back", pct(hb.shareHeldBack()), num(hb.heldBack().asks()) + " asks not at ready to ask");
        figure(h, "Rate when allowed", pct(hb.allowed().rate()), "held back: " + pct(hb.heldBack().rate()));
        figure(h, "Introductions held back", pct(hb.introductionsHeldBack()), num(hb.heldBack().introductions())
                + " of " + num(hb.allowed().introductions() + hb.heldBack().introductions()));
        h.append("</section>\n");
    }

    /** A key figure; its texts are this class's own, already markup (a rate's interval is a span). */
    private static void figure(StringBuilder h, String label, String value, String note) {
        h.append("<div class=\"card\"><div class=\"label\">").append(label).append("</div><div class=\"value\">")
                .append(value).append("</div><div class=\"note\">").append(note).append("</div></div>\n");
    }

    /** The chart of allowed against held back, per side, with a small table of the same figures. */
    private static void heldBack(StringBuilder h, BacktestReport report) {
        List<Side> sides = sides(report);
        h.append("<section id=\"held-back\"><h2>Allowed or held back</h2>\n")
                .append("<p class=\"lead\">Asks made when the playbook said <i>ready to ask</i> the day before (allowed)")
                .append(" against asks made at any other stage (held back): each bar is the introduction rate, the")
                .append(" line across it its 95% interval.</p>\n");
        int labelWidth = 150;
        int rowHeight = 34;
        int rows = 2 * sides.size();
        int top = 8;
        int height = top + rows * rowHeight + 24;
        int width = labelWidth + CHART_BAR + 150;
        h.append("<svg class=\"chart\" role=\"img\" aria-label=\"introduction rate when allowed and when held back\"")
                .append(" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
        for (int tick = 0; tick <= 100; tick += 25) {
            double x = labelWidth + CHART_BAR * tick / 100.0;
            h.append("<line class=\"grid\" x1=\"").append(fix(x)).append("\" y1=\"").append(top).append("\" x2=\"")
                    .append(fix(x)).append("\" y2=\"").append(top + rows * rowHeight).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(fix(x)).append("\" y=\"").append(top + rows * rowHeight + 16)
                    .append("\" text-anchor=\"middle\">").append(tick).append("%</text>\n");
        }
        int y = top;
        for (int i = 0; i < sides.size(); i++) {
            String name = sides.size() == 1 ? "" : (i == 0 ? "A " : "B ");
            HeldBack hb = sides.get(i).heldBack();
            y = chartRow(h, name + "allowed", "allowed", sides.size() == 1 ? null : (i == 0 ? "A" : "B"),
                    hb.allowed(), labelWidth, y, rowHeight);
            y = chartRow(h, name + "held back", "held-back", sides.size() == 1 ? null : (i == 0 ? "A" : "B"),
                    hb.heldBack(), labelWidth, y, rowHeight);
        }
        h.append("</svg>\n");

        h.append("<table class=\"held-back\">\n<thead><tr>");
        if (sides.size() > 1) {
            h.append("<th>Side</th>");
        }
        h.append("<th class=\"name\">Group</th><th>Asks</th><th>Introductions</th><th>Rate (95% interval)</th><th>Confirmed</th>")
                .append("<th>Referred sales</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < sides.size(); i++) {
            HeldBack hb = sides.get(i).heldBack();
            for (boolean allowed : new boolean[] {true, false}) {
                Outcomes o = allowed ? hb.allowed() : hb.heldBack();
                h.append("<tr data-group=\"").append(allowed ? "allowed" : "held-back").append('"');
                if (sides.size() > 1) {
                    h.append(" data-side=\"").append(i == 0 ? 'A' : 'B').append("\"><td><span class=\"side s")
                            .append(i == 0 ? 'A' : 'B').append("\">").append(i == 0 ? 'A' : 'B').append("</span></td>");
                } else {
                    h.append('>');
                }
                h.append("<td class=\"name\">").append(allowed ? "Allowed (ready to ask)" : "Held back (any other stage)").append("</td>")
                        .append("<td>").append(num(o.asks())).append("</td><td>").append(num(o.introductions()))
                        .append("</td><td>").append(rateText(o)).append("</td><td>").append(num(o.confirmed()))
                        .append("</td><td>").append(num(o.referredSales())).append("</td></tr>\n");
            }
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static int chartRow(StringBuilder h, String label, String group, String side, Outcomes o, int labelWidth,
                                int y, int rowHeight) {
        h.append("<g class=\"row ").append(group).append(side == null ? "" : " s" + side).append("\" data-group=\"")
                .append(group).append('"');
        if (side != null) {
            h.append(" data-side=\"").append(side).append('"');
        }
        h.append(" data-asks=\"").append(o.asks()).append("\" data-introductions=\"").append(o.introductions()).append("\">")
                .append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 21).append("\" text-anchor=\"end\">")
                .append(esc(capitalised(label))).append("</text>");
        double end = labelWidth;
        if (o.asks() > 0) {
            Wilson.Interval ci = o.interval();
            double w = CHART_BAR * o.rate();
            double lo = labelWidth + CHART_BAR * ci.low();
            double hi = labelWidth + CHART_BAR * ci.high();
            double mid = y + rowHeight / 2.0;
            h.append("<rect class=\"bar\" x=\"").append(labelWidth).append("\" y=\"").append(y + 6).append("\" width=\"")
                    .append(fix(w)).append("\" height=\"").append(rowHeight - 12).append("\"/>");
            whisker(h, lo, hi, mid, 7);
            end = Math.max(hi, labelWidth + w);
        }
        h.append("<text x=\"").append(fix(end + 8)).append("\" y=\"").append(y + 21).append("\">")
                .append(o.asks() == 0 ? "no asks" : pct1(o.rate()) + " of " + num(o.asks())).append("</text></g>\n");
        return y + rowHeight;
    }

    private static void whisker(StringBuilder h, double lo, double hi, double mid, double cap) {
        h.append("<line class=\"ci\" x1=\"").append(fix(lo)).append("\" y1=\"").append(fix(mid)).append("\" x2=\"")
                .append(fix(hi)).append("\" y2=\"").append(fix(mid)).append("\"/>")
                .append("<line class=\"ci\" x1=\"").append(fix(lo)).append("\" y1=\"").append(fix(mid - cap / 2))
                .append("\" x2=\"").append(fix(lo)).append("\" y2=\"").append(fix(mid + cap / 2)).append("\"/>")
                .append("<line class=\"ci\" x1=\"").append(fix(hi)).append("\" y1=\"").append(fix(mid - cap / 2))
                .append("\" x2=\"").append(fix(hi)).append("\" y2=\"").append(fix(mid + cap / 2)).append("\"/>");
    }

    private static void comparison(StringBuilder h, BacktestReport report) {
        Side a = report.first();
        Side b = report.second();
        HeldBack ha = a.heldBack();
        HeldBack hbb = b.heldBack();
        h.append("<section id=\"comparison\"><h2>Comparison</h2>\n");
        h.append("<p class=\"verdict ").append(report.better().name().toLowerCase(Locale.ROOT)).append("\" data-better=\"")
                .append(report.better()).append("\">").append(verdict(report)).append("</p>\n");
        h.append("<table class=\"comparison\">\n<thead><tr><th>The same ").append(num(report.asks()))
                .append(" asks</th><th><span class=\"side sA\">A</span> ").append(esc(a.playbook().toString()))
                .append("</th><th><span class=\"side sB\">B</span> ").append(esc(b.playbook().toString()))
                .append("</th></tr></thead>\n<tbody>\n");
        compareRow(h, "allowed", "Asks allowed (ready to ask the day before)",
                count(ha.allowed().asks(), 1 - orZero(ha.shareHeldBack()), ha.shareHeldBack() != null),
                count(hbb.allowed().asks(), 1 - orZero(hbb.shareHeldBack()), hbb.shareHeldBack() != null));
        compareRow(h, "held-back", "Asks held back", count(ha.heldBack().asks(), orZero(ha.shareHeldBack()),
                ha.shareHeldBack() != null), count(hbb.heldBack().asks(), orZero(hbb.shareHeldBack()), hbb.shareHeldBack() != null));
        compareRow(h, "rate-allowed", "Introduction rate when allowed", rateText(ha.allowed()), rateText(hbb.allowed()));
        compareRow(h, "rate-held-back", "Introduction rate when held back", rateText(ha.heldBack()), rateText(hbb.heldBack()));
        compareRow(h, "separation", "Separation (rate allowed &#8722; rate held back)", points(ha.separation()),
                points(hbb.separation()));
        compareRow(h, "introductions-held-back", "Introductions from asks held back",
                share(ha.heldBack().introductions(), ha.allowed().introductions() + ha.heldBack().introductions()),
                share(hbb.heldBack().introductions(), hbb.allowed().introductions() + hbb.heldBack().introductions()));
        h.append("</tbody>\n</table>\n");
        List<String> differences = policyDifferences(a.policy(), b.policy());
        if (differences.isEmpty()) {
            h.append("<p class=\"lead\" id=\"policy-differences\">The two sides use the same thresholds.</p>\n");
        } else {
            h.append("<p class=\"lead\">Thresholds that differ (A / B):</p>\n<ul id=\"policy-differences\">\n");
            for (String d : differences) {
                h.append("<li>").append(d).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private static String verdict(BacktestReport report) {
        Side a = report.first();
        Side b = report.second();
        return switch (report.better()) {
            case FIRST -> "<span class=\"side sA\">A</span> <b>" + esc(a.playbook().toString())
                    + "</b> separates converting from non-converting asks better: " + points(a.heldBack().separation())
                    + " against " + points(b.heldBack().separation()) + separationTie(a, b) + ".";
            case SECOND -> "<span class=\"side sB\">B</span> <b>" + esc(b.playbook().toString())
                    + "</b> separates converting from non-converting asks better: " + points(b.heldBack().separation())
                    + " against " + points(a.heldBack().separation()) + separationTie(b, a) + ".";
            case EVEN -> "The two separate converting from non-converting asks equally: the same separation and the same"
                    + " share of introductions held back.";
            case UNDECIDED -> "Cannot tell: a side allowed every ask or held every ask back, so it has no separation to"
                    + " compare.";
        };
    }

    /** When the separations are equal the winner held back fewer introductions: say so. */
    private static String separationTie(Side winner, Side loser) {
        if (Objects.equals(winner.heldBack().separation(), loser.heldBack().separation())) {
            return ", and it holds back fewer introductions (" + pct(winner.heldBack().introductionsHeldBack())
                    + " against " + pct(loser.heldBack().introductionsHeldBack()) + ")";
        }
        return "";
    }

    private static void compareRow(StringBuilder h, String key, String label, String a, String b) {
        h.append("<tr data-figure=\"").append(key).append("\"><td>").append(label).append("</td><td>").append(a)
                .append("</td><td>").append(b).append("</td></tr>\n");
    }

    /**
     * The thresholds of two policies that differ, as {@code name a / b}, in the policy's own order. Read through the
     * record's components, so a threshold added later is compared without a change here.
     */
    static List<String> policyDifferences(ReadinessPolicy a, ReadinessPolicy b) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : ReadinessPolicy.class.getRecordComponents()) {
            Object va = value(c, a);
            Object vb = value(c, b);
            if (!Objects.equals(va, vb)) {
                out.add("<code>" + esc(c.getName()) + "</code> " + describe(va) + " / " + describe(vb));
            }
        }
        return out;
    }

    /** A threshold's value: a survey switch as off or its cut-offs, a set of trust builders by name. */
    private static String describe(Object value) {
        if (value == null) {
            return "off";
        }
        if (value instanceof SurveyReading r) {
            return "on (green light from " + r.greenLightMin() + ", complaint up to " + r.complaintMax() + ")";
        }
        if (value instanceof Set<?> set) {
            return set.isEmpty() ? "none" : esc(set.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        return esc(String.valueOf(value));
    }

    private static Object value(RecordComponent c, ReadinessPolicy policy) {
        try {
            return c.getAccessor().invoke(policy);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the policy's " + c.getName(), e);
        }
    }

    private static void side(StringBuilder h, BacktestReport report, Side side, String name) {
        String id = name == null ? "" : "-" + name;
        String title = name == null ? "" : " <span class=\"side s" + name + "\">" + name + "</span> <small>"
                + esc(side.playbook().toString()) + "</small>";

        h.append("<section class=\"stages\" id=\"stages").append(id).append("\"><h2>Per stage the day before the ask")
                .append(title).append("</h2>\n");
        Map<Stage, Outcomes> byStage = new EnumMap<>(Stage.class);
        for (StageOutcomes s : side.stages()) {
            byStage.put(s.stage(), s.outcomes());
        }
        outcomesHead(h, "Stage");
        for (Stage stage : ReportCardHtml.FUNNEL) {
            Outcomes o = byStage.getOrDefault(stage, Outcomes.NONE);
            outcomesRow(h, "stage", stage.name(), ReportCardHtml.label(stage)
                    + (stage == Stage.READY_TO_ASK ? " <span class=\"tag\">allowed</span>" : ""), o,
                    stage == Stage.READY_TO_ASK ? "allowed" : null);
        }
        outcomesRow(h, "stage", "ALL", "All asks", side.all(), "total");
        h.append("</tbody>\n</table>\n</section>\n");

        h.append("<section class=\"warnings\" id=\"warnings").append(id).append("\"><h2>Per warning the ask drew")
                .append(title).append("</h2>\n");
        outcomesHead(h, "Warning");
        outcomesRow(h, "warning", "NONE", "No warning", side.noWarning(), null);
        for (WarningOutcomes w : side.warnings()) {
            outcomesRow(h, "warning", w.warning().name(), words(w.warning().name()), w.outcomes(), null);
        }
        h.append("</tbody>\n</table>\n");
        if (side.warnings().isEmpty()) {
            h.append("<p class=\"lead\">No ask drew a warning.</p>\n");
        } else {
            h.append("<p class=\"lead\">An ask that drew two warnings counts under both.</p>\n");
        }
        h.append("</section>\n");

        h.append("<section class=\"lifts\" id=\"trust-builders").append(id).append("\"><h2>Per trust builder the day")
                .append(" before the ask").append(title).append("</h2>\n");
        liftHead(h, "Trust builder", "Met", "Not met");
        for (TrustBuilderLift t : side.trustBuilders()) {
            liftRow(h, "builder", t.builder().name(), words(t.builder().name()), t.met(), t.notMet(), t.lift());
        }
        h.append("</tbody>\n</table>\n</section>\n");

        h.append("<section class=\"lifts\" id=\"signals").append(id).append("\"><h2>Per survey signal the day before")
                .append(" the ask").append(title).append("</h2>\n<p class=\"lead\">The latest survey of each type within the")
                .append(" feedback window (").append(side.policy().feedbackWindowDays()).append(" days), read the")
                .append(" industry's way (NPS promoter 9").append(DASH).append("10, detractor 0").append(DASH)
                .append("6; CSAT satisfied 4").append(DASH).append("5, dissatisfied 1").append(DASH)
                .append("2; CES easy 5").append(DASH).append("7, hard 1").append(DASH)
                .append("3), whether or not the policy counts it.</p>\n");
        liftHead(h, "Signal", "With", "Without");
        for (SignalLift s : side.signals()) {
            liftRow(h, "signal", s.signal().name(), signalLabel(s.signal()), s.with(), s.without(), s.lift());
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void outcomesHead(StringBuilder h, String what) {
        h.append("<table class=\"outcomes\">\n<thead><tr><th>").append(what).append("</th><th>Asks</th>")
                .append("<th>Introductions</th><th class=\"rate\">Rate (95% interval)</th><th class=\"plot\">")
                .append(scale()).append("</th><th>Confirmed</th><th>Referred sales</th></tr></thead>\n<tbody>\n");
    }

    private static void outcomesRow(StringBuilder h, String key, String value, String label, Outcomes o, String cls) {
        h.append("<tr data-").append(key).append("=\"").append(value).append("\" data-asks=\"").append(o.asks())
                .append("\" data-introductions=\"").append(o.introductions()).append('"');
        if (cls != null || o.asks() == 0) {
            h.append(" class=\"").append(cls == null ? "" : cls).append(o.asks() == 0 ? (cls == null ? "empty" : " empty") : "")
                    .append('"');
        }
        h.append("><td>").append(label).append("</td><td>").append(num(o.asks())).append("</td><td>")
                .append(num(o.introductions())).append("</td><td class=\"rate\">").append(rateText(o))
                .append("</td><td class=\"plot\">").append(rowBar(o, null)).append("</td><td>").append(num(o.confirmed()))
                .append("</td><td>").append(num(o.referredSales())).append("</td></tr>\n");
    }

    private static void liftHead(StringBuilder h, String what, String with, String without) {
        h.append("<p class=\"lead legend\"><svg width=\"14\" height=\"10\" class=\"with\" role=\"img\" aria-label=\"upper bar\">")
                .append("<rect class=\"bar\" x=\"0\" y=\"1\" width=\"14\" height=\"8\"/></svg> upper bar: ")
                .append(with.toLowerCase(Locale.ROOT)).append(" &#160; <svg width=\"14\" height=\"10\" class=\"without\" role=\"img\"")
                .append(" aria-label=\"lower bar\"><rect class=\"bar\" x=\"0\" y=\"1\" width=\"14\" height=\"8\"/></svg> lower bar: ")
                .append(without.toLowerCase(Locale.ROOT)).append(" &#160; lift = rate ").append(with.toLowerCase(Locale.ROOT))
                .append(" / rate ").append(without.toLowerCase(Locale.ROOT)).append("</p>\n");
        h.append("<table class=\"lift\">\n<thead><tr><th>").append(what).append("</th><th>").append(with)
                .append(": asks</th><th class=\"rate\">rate (95% interval)</th><th>").append(without)
                .append(": asks</th><th class=\"rate\">rate (95% interval)</th><th class=\"plot\">").append(scale())
                .append("</th><th>Lift</th></tr></thead>\n<tbody>\n");
    }

    private static void liftRow(StringBuilder h, String key, String value, String label, Outcomes with, Outcomes without,
                                Double lift) {
        h.append("<tr data-").append(key).append("=\"").append(value).append("\"><td>").append(label).append("</td><td>")
                .append(num(with.asks())).append("</td><td class=\"rate\">").append(rateText(with)).append("</td><td>")
                .append(num(without.asks())).append("</td><td class=\"rate\">").append(rateText(without))
                .append("</td><td class=\"plot\">").append(rowBar(with, "with")).append(rowBar(without, "without"))
                .append("</td><td class=\"lift").append(lift == null ? " na" : lift > 1 ? " up" : lift < 1 ? " down" : "")
                .append("\">").append(lift == null ? NA : String.format(Locale.ROOT, "%.2f", lift) + TIMES)
                .append("</td></tr>\n");
    }

    /** The 0-100% scale above a column of row bars. */
    private static String scale() {
        return "<svg class=\"scale\" viewBox=\"0 0 " + (ROW_BAR + 16) + " 14\" width=\"" + (ROW_BAR + 16)
                + "\" height=\"14\" role=\"img\" aria-label=\"scale 0 to 100%\"><text x=\"2\" y=\"11\">0</text>"
                + "<text x=\"" + (ROW_BAR / 2 + 2) + "\" y=\"11\" text-anchor=\"middle\">50%</text><text x=\""
                + (ROW_BAR + 2) + "\" y=\"11\" text-anchor=\"end\">100%</text></svg>";
    }

    /** A rate as a bar on a 0-100% scale, its 95% interval as a line with end caps; nothing drawn without asks. */
    private static String rowBar(Outcomes o, String group) {
        StringBuilder s = new StringBuilder(400);
        int height = group == null ? 16 : 12;
        s.append("<svg class=\"rowbar").append(group == null ? "" : " " + group).append("\" viewBox=\"0 0 ")
                .append(ROW_BAR + 4).append(' ').append(height).append("\" width=\"").append(ROW_BAR + 4)
                .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"");
        if (o.asks() == 0) {
            s.append("no asks\"><line class=\"track\" x1=\"2\" y1=\"").append(height / 2).append("\" x2=\"")
                    .append(ROW_BAR + 2).append("\" y2=\"").append(height / 2).append("\"/></svg>");
            return s.toString();
        }
        Wilson.Interval ci = o.interval();
        s.append(group == null ? "" : group + ": ").append(pct1(o.rate())).append(", 95% interval ").append(pct1(ci.low()))
                .append(" to ").append(pct1(ci.high())).append("\">")
                .append("<line class=\"track\" x1=\"2\" y1=\"").append(height / 2).append("\" x2=\"").append(ROW_BAR + 2)
                .append("\" y2=\"").append(height / 2).append("\"/>")
                .append("<rect class=\"bar\" x=\"2\" y=\"3\" width=\"").append(fix(ROW_BAR * o.rate())).append("\" height=\"")
                .append(height - 6).append("\"/>");
        whisker(s, 2 + ROW_BAR * ci.low(), 2 + ROW_BAR * ci.high(), height / 2.0, height - 4);
        return s.append("</svg>").toString();
    }

    private static void failures(StringBuilder h, BacktestReport report) {
        if (report.failed() == 0) {
            return;
        }
        h.append("<section id=\"failures\"><h2>Not backtested</h2>\n<p class=\"lead\">").append(num(report.failed()))
                .append(report.failed() == 1 ? " customer" : " customers").append(" could not be read or re-assessed;")
                .append(" their asks are not counted.</p>\n");
        List<BacktestReport.Failure> listed = report.failures().subList(0, Math.min(LISTED_FAILURES, report.failures().size()));
        if (!listed.isEmpty()) {
            h.append("<table class=\"failures\">\n<thead><tr><th>Customer</th><th>Where</th><th>Problem</th></tr></thead>\n")
                    .append("<tbody>\n");
            for (BacktestReport.Failure f : listed) {
                h.append("<tr><td>").append(f.customerId() == null ? "&#8212;" : esc(f.customerId())).append("</td><td>")
                        .append(esc(f.location())).append("</td><td>").append(esc(f.problem())).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        if (report.failed() > listed.size()) {
            h.append("<p class=\"lead\">").append(num(report.failed() - listed.size()))
                    .append(" more not listed here; the JSON report lists ").append(num(report.failures().size())).append(".</p>\n");
        }
        h.append("</section>\n");
    }

    private static void howToRead(StringBuilder h, BacktestReport report) {
        h.append("<section id=\"how-to-read\"><h2>How to read it</h2>\n<ul>\n")
                .append("<li><b>No looking ahead</b>: each ask is judged on the facts the book had the day before it")
                .append(" (anything dated later left out, confirmations, contacts and resolutions made later undone); the")
                .append(" warnings it drew come from the facts known on its own day.</li>\n")
                .append("<li><b>Rate</b>: asks that got an introduction within ").append(report.outcomeDays())
                .append(" days, of all asks in the group. The <b>95% interval</b> (Wilson score) is the range of rates")
                .append(" the counts are consistent with: the fewer the asks, the wider it is. Two groups whose intervals")
                .append(" overlap widely may not differ at all.</li>\n")
                .append("<li><b>Lift</b>: the rate with a trust builder or signal divided by the rate without it; above 1")
                .append(" it goes with more introductions. n/a when a group has no asks or the rate without is 0. Read it")
                .append(" beside both groups' asks: a lift on a handful of asks means little.</li>\n")
                .append("<li><b>Allowed</b>: the playbook said ready to ask the day before; <b>held back</b>: any other")
                .append(" stage. A playbook that works has a much higher rate when allowed than when held back")
                .append(" (the <b>separation</b>), and holds back few of the asks that did get introductions.</li>\n")
                .append("<li>These are associations in the book's own history, not experiments: the asks were made by")
                .append(" people who may have chosen when to ask for reasons the book does not hold.</li>\n")
                .append("</ul>\n</section>\n");
    }

    private static List<Side> sides(BacktestReport report) {
        return report.second() == null ? List.of(report.first()) : List.of(report.first(), report.second());
    }

    private static String signalLabel(BacktestReport.Signal signal) {
        String[] parts = signal.name().split("_", 2);
        return parts[0] + " " + parts[1].toLowerCase(Locale.ROOT);
    }

    private static String words(String enumName) {
        return capitalised(enumName.toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** {@code 60.0% (31.3–83.2%)}, or n/a without asks. */
    static String rateText(Outcomes o) {
        if (o.asks() == 0) {
            return NA;
        }
        Wilson.Interval ci = o.interval();
        return pct1(o.rate()) + " <span class=\"ci\">(" + pct1nosign(ci.low()) + DASH + pct1(ci.high()) + ")</span>";
    }

    private static String count(long n, double share, boolean any) {
        return num(n) + (any ? " (" + pct(share) + ")" : "");
    }

    private static String share(long part, long whole) {
        return whole == 0 ? NA : pct(part / (double) whole) + " (" + num(part) + " of " + num(whole) + ")";
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    private static String points(Double difference) {
        return difference == null ? NA : String.format(Locale.ROOT, "%+.1f points", 100 * difference).replace("-", "&#8722;");
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String pct(Double share) {
        return share == null ? NA : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static String pct1(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String pct1nosign(double share) {
        return String.format(Locale.ROOT, "%.1f", 100 * share);
    }

    private static String fix(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return ReportCardHtml.esc(s);
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 2rem auto;
                   max-width: 1180px; color: #1d2433; background: #fafbfc; padding: 0 1rem; }
            h1 { margin: 0; font-size: 1.8rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; }
            h2 small { font-weight: 400; color: #5a6478; }
            .sub, .lead { color: #5a6478; margin-top: .3rem; } .lead { font-size: .9rem; }
            .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: .8rem; margin-top: 1.5rem; }
            .card { background: #fff; border: 1px solid #e1e5ec; border-radius: 8px; padding: .8rem 1rem; }
            .card .label { font-size: .8rem; color: #5a6478; text-transform: uppercase; letter-spacing: .03em; }
            .card .value { font-size: 1.6rem; font-weight: 600; margin: .2rem 0; }
            .card .note { font-size: .8rem; color: #5a6478; }
            .side { display: inline-block; min-width: 1.2em; padding: 0 .3em; border-radius: 4px; color: #fff; font-weight: 700;
                    text-align: center; font-size: .85em; }
            .side.sA { background: #1a5fb4; } .side.sB { background: #b06000; }
            svg.chart { width: 100%; max-width: 780px; background: #fff; border: 1px solid #e1e5ec; border-radius: 8px; }
            svg text { font-size: 13px; fill: #1d2433; } svg text.tick { font-size: 11px; fill: #5a6478; }
            svg.scale text { font-size: 10px; fill: #5a6478; }
            line.grid { stroke: #e1e5ec; stroke-width: 1; }
            line.track { stroke: #e1e5ec; stroke-width: 1; }
            line.ci { stroke: #1d2433; stroke-width: 1.5; }
            .bar { fill: #7a8ba8; }
            .row.allowed .bar, tr.allowed .bar, svg.with .bar { fill: #137333; }
            .row.held-back .bar, svg.without .bar { fill: #9aa5b8; }
            .row.sB.allowed .bar { fill: #b06000; } .row.sB.held-back .bar { fill: #e0b27a; }
            table { border-collapse: collapse; width: 100%; background: #fff; font-size: .9rem; margin-top: .6rem; }
            th, td { border-bottom: 1px solid #e1e5ec; padding: .4rem .6rem; text-align: right; vertical-align: middle; }
            th:first-child, td:first-child, th.name, td.name { text-align: left; }
            th { background: #f0f2f6; font-weight: 600; }
            td.rate, th.rate { white-space: nowrap; }
            td.plot, th.plot { text-align: left; width: 180px; line-height: 0; }
            td.plot svg { display: block; margin: 1px 0; }
            .ci { color: #5a6478; font-size: .85em; }
            tr.allowed td { background: #eef7f0; } tr.total td { font-weight: 600; border-top: 2px solid #c8cfdb; }
            tr.empty td { color: #9aa5b8; }
            .tag { font-size: .75em; background: #137333; color: #fff; border-radius: 4px; padding: 0 .35em; }
            td.lift { font-weight: 600; } td.lift.up { color: #137333; } td.lift.down { color: #b3261e; }
            td.lift.na { color: #9aa5b8; font-weight: 400; }
            table.comparison td:first-child { width: 40%; }
            .verdict { background: #fff; border: 1px solid #e1e5ec; border-left: 4px solid #1a5fb4; border-radius: 6px;
                       padding: .6rem .8rem; }
            .verdict.second { border-left-color: #b06000; } .verdict.even, .verdict.undecided { border-left-color: #9aa5b8; }
            code { background: #f0f2f6; padding: 0 .25em; border-radius: 3px; }
            section.stages, section.warnings, section.lifts, #held-back, #comparison { overflow-x: auto; }
            """;
}
