package io.referralrules.book;

import io.referralrules.api.Stage;

import io.referralrules.book.ReportCard.Figure;
import io.referralrules.book.ReportCard.Quarter;
import io.referralrules.book.ReportCard.Trend;
import io.referralrules.book.ReportCard.Trends;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The report card as one self-contained HTML page: inline styles and an inline SVG chart, no script, no font, no
 * request to anywhere, so it opens from a file or an e-mail on a machine with no network. It shows the book's key
 * figures and grade, a stage funnel, with trends the last four quarters (a small chart per key figure for the book, and
 * each team's and owner's change), a table per team and per account owner, and how the grade is given.
 */
public final class ReportCardHtml {
    /** The funnel's order: the referral cycle, then the two stages beside it. */
    static final List<Stage> FUNNEL = List.of(Stage.NO_RELATIONSHIP, Stage.POSITIONING, Stage.EARNING_TRUST,
            Stage.CONFIRMING, Stage.READY_TO_ASK, Stage.AWAITING_INTRODUCTION, Stage.FOLLOWING_UP, Stage.COOLING_DOWN,
            Stage.BLOCKED);
    /** The figures the trends chart shows for the book, and whose change the trends table shows per team and owner. */
    static final List<Figure> TREND_FIGURES = List.of(Figure.REFERRALS_RECEIVED, Figure.INTRODUCTIONS, Figure.REFERRED_SALES,
            Figure.FOLLOW_UPS_ON_TIME_SHARE, Figure.READY_NOT_ASKED, Figure.BAD_ASKS);
    /** Figures for which more is better (a rise shown green) and for which more is worse (a rise shown red). */
    private static final Set<Figure> MORE_IS_BETTER = Set.of(Figure.REFERRALS_RECEIVED, Figure.INTRODUCTIONS,
            Figure.INTRODUCTION_SHARE, Figure.INTRODUCTIONS_CONFIRMED, Figure.REFERRED_SALES, Figure.CONVERSION,
            Figure.FOLLOW_UPS_ON_TIME, Figure.FOLLOW_UPS_ON_TIME_SHARE);
    private static final Set<Figure> MORE_IS_WORSE = Set.of(Figure.BAD_ASKS, Figure.FOLLOW_UPS_LATE, Figure.FOLLOW_UPS_MISSED);

    private ReportCardHtml() {
    }

    /** The page. */
    public static String render(ReportCard card) {
        Scorecard book = card.book();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Referral report card as of ").append(card.asOf()).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>Referral report card</h1><p class=\"sub\">As of <b>").append(card.asOf())
                .append("</b>, counting ").append(card.periodStart()).append(" to ").append(card.asOf())
                .append(" &middot; playbook <b>").append(esc(card.playbook().toString())).append("</b></p></header>\n");

        h.append("<section class=\"cards\" id=\"book\">\n");
        figure(h, "Customers", num(book.customers()), "assessed");
        figure(h, "Referrals received", num(book.referralsReceived()), pct(book.introductionShare()) + " real introductions");
        figure(h, "Introductions confirmed", num(book.introductionsConfirmed()), "of " + num(book.introductions()) + " introductions");
        figure(h, "Referred sales", num(book.referredSales()), pct(book.conversion()) + " conversion");
        figure(h, "Follow-ups on time", pct(book.followUpsOnTimeShare()), num(book.followUpsLate()) + " late, "
                + num(book.followUpsMissed()) + " missed");
        figure(h, "Ready, not asked", num(book.readyNotAsked()), "customers to ask now");
        figure(h, "Bad asks", num(book.badAsks()), num(book.prematureAsks()) + " premature, " + num(book.fatigueAsks())
                + " fatigue, " + num(book.titForTatAsks()) + " tit-for-tat");
        h.append("<div class=\"card grade g").append(book.grade()).append("\"><div class=\"label\">Grade</div><div class=\"value\">")
                .append(book.grade()).append("</div><div class=\"note\">").append(esc(book.gradeReason())).append("</div></div>\n");
        h.append("</section>\n");

        h.append("<section id=\"funnel\"><h2>Where the customers stand</h2>\n").append(funnel(book)).append("</section>\n");

        card.trends().filter(trends -> !trends.quarters().isEmpty()).ifPresent(trends -> trends(h, trends));

        if (!card.teams().isEmpty()) {
            h.append("<section id=\"teams\"><h2>Teams</h2>\n");
            table(h, "team", card.teams());
            h.append("</section>\n");
        }
        h.append("<section id=\"owners\"><h2>Account owners</h2>\n");
        table(h, "owner", card.owners());
        h.append("</section>\n");

        h.append("<section id=\"rules\"><h2>How to read it</h2>\n<ul>\n")
                .append("<li><b>Referrals received</b>: real introductions (the customer agreed to contact the prospect) plus bare")
                .append(" contacts (names-only asks: at best a cold lead).</li>\n")
                .append("<li><b>Follow-ups</b>: thank the referrer, report back after the first contact, thank again with a gift")
                .append(" after a sale; each is on time, late, missed (past due, not done) or pending.</li>\n")
                .append("<li><b>Bad asks</b>: premature, fatigue (within the cool-down) and tit-for-tat asks.</li>\n")
                .append("<li><b>Grade</b>: A = at least 1 introduction per 10 customers, 90% of follow-ups on time and no bad ask;")
                .append(" B = 1 per 20 customers, 75% on time, bad asks at most 1 in 10; C = at least one introduction;")
                .append(" D = none: no referrals means mediocre relationship work.</li>\n");
        card.trends().filter(trends -> !trends.quarters().isEmpty()).ifPresent(trends -> h
                .append("<li><b>The last four quarters</b>: the calendar quarters that ended by the assessment day. Each is")
                .append(" counted on its own: asks, introductions, sales, follow-ups and bad asks within the quarter; stages")
                .append(" and customers ready but not asked at its last day, on the facts known that day. A quarter has no")
                .append(" grade (the rule is for the year). The change is the latest quarter's figure minus the earliest's;")
                .append(" shares change in points.</li>\n"));
        h
                .append("</ul>\n</section>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The trends section: a small bar chart per key figure for the book, then each team's and owner's change. */
    private static void trends(StringBuilder h, Trends trends) {
        List<Quarter> quarters = trends.quarters();
        h.append("<section id=\"trends\"><h2>The last four quarters</h2>\n<p class=\"sub\">")
                .append(quarters.get(0).label()).append(" (from ").append(quarters.get(0).start()).append(") to ")
                .append(quarters.get(quarters.size() - 1).label()).append(" (to ").append(quarters.get(quarters.size() - 1).end())
                .append("), each counted on its own and assessed as of its last day on the facts known then</p>\n");
        h.append(trendChart(trends.book(), quarters));
        List<Trend> scopes = new ArrayList<>(trends.teams());
        scopes.addAll(trends.owners());
        h.append("<table class=\"trends\">\n<caption>Each team and owner: a small bar per quarter, then ")
                .append(quarters.get(0).label()).append(" &rarr; ").append(quarters.get(quarters.size() - 1).label())
                .append(" (change)</caption>\n<thead><tr><th>Team or owner</th>");
        for (Figure f : TREND_FIGURES) {
            h.append("<th>").append(esc(f.label())).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Trend t : scopes) {
            h.append("<tr data-trend-").append(t.scope()).append("=\"").append(esc(t.name())).append("\"><td>")
                    .append(esc(t.name())).append(t.scope().equals("team") ? " <small>(team)</small>" : "").append("</td>");
            for (Figure f : TREND_FIGURES) {
                h.append("<td data-figure=\"").append(f.key()).append("\">").append(spark(t, f)).append(' ')
                        .append(value(f, f.of(t.quarters().get(0)))).append(" &rarr; ")
                        .append(value(f, f.of(t.quarters().get(t.quarters().size() - 1)))).append(' ')
                        .append(change(f, t.change().get(f))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    /** The book's key figures, one small bar chart each, quarter by quarter, with the change. */
    private static String trendChart(Trend book, List<Quarter> quarters) {
        int panelWidth = 270;
        int panelHeight = 150;
        int columns = 3;
        int rows = (TREND_FIGURES.size() + columns - 1) / columns;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"trends\" role=\"img\" aria-label=\"the book's key figures over the last four quarters\" viewBox=\"0 0 ")
                .append(columns * panelWidth).append(' ').append(rows * panelHeight)
                .append("\">\n");
        for (int i = 0; i < TREND_FIGURES.size(); i++) {
            Figure f = TREND_FIGURES.get(i);
            int x0 = (i % columns) * panelWidth;
            int y0 = (i / columns) * panelHeight;
            double max = 0;
            for (Scorecard q : book.quarters()) {
                max = Math.max(max, f.of(q));
            }
            double change = book.change().get(f);
            svg.append("<g class=\"figure\" data-figure=\"").append(f.key()).append("\">")
                    .append("<text class=\"title\" x=\"").append(x0 + 14).append("\" y=\"").append(y0 + 22).append("\">")
                    .append(esc(f.label())).append("</text>")
                    .append("<text class=\"delta ").append(direction(f, change)).append("\" x=\"").append(x0 + panelWidth - 14)
                    .append("\" y=\"").append(y0 + 22).append("\" text-anchor=\"end\">").append(signed(f, change)).append("</text>\n");
            int barArea = 70;
            int baseY = y0 + 48 + barArea;
            int slot = (panelWidth - 28) / quarters.size();
            for (int k = 0; k < quarters.size(); k++) {
                double v = f.of(book.quarters().get(k));
                int height = max == 0 ? 0 : (int) Math.round(barArea * v / max);
                int x = x0 + 14 + k * slot;
                svg.append("<g class=\"quarter\" data-quarter=\"").append(quarters.get(k).label()).append("\" data-value=\"")
                        .append(value(f, v)).append("\">")
                        .append("<rect class=\"tbar").append(k == quarters.size() - 1 ? " latest" : "").append("\" x=\"")
                        .append(x + 8).append("\" y=\"").append(baseY - Math.max(height, 1)).append("\" width=\"").append(slot - 16)
                        .append("\" height=\"").append(Math.max(height, 1)).append("\"/>")
                        .append("<text class=\"v\" x=\"").append(x + slot / 2).append("\" y=\"").append(baseY - Math.max(height, 1) - 4)
                        .append("\" text-anchor=\"middle\">").append(value(f, v)).append("</text>")
                        .append("<text class=\"q\" x=\"").append(x + slot / 2).append("\" y=\"").append(baseY + 15)
                        .append("\" text-anchor=\"middle\">").append(quarters.get(k).label()).append("</text></g>\n");
            }
            svg.append("</g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /** A tiny bar per quarter, for a table cell. */
    private static String spark(Trend t, Figure f) {
        int n = t.quarters().size();
        double max = 0;
        for (Scorecard q : t.quarters()) {
            max = Math.max(max, f.of(q));
        }
        // one path of n bars keeps a row of a large book's table small
        StringBuilder svg = new StringBuilder("<svg class=\"spark\" viewBox=\"0 0 ").append(n * 8).append(" 16\" aria-hidden=\"true\"><path d=\"");
        for (int k = 0; k < n; k++) {
            int height = Math.max(1, max == 0 ? 0 : (int) Math.round(15 * f.of(t.quarters().get(k)) / max));
            svg.append('M').append(k * 8 + 1).append(' ').append(16 - height).append("h6v").append(height).append("h-6z");
        }
        return svg.append("\"/></svg>").toString();
    }

    private static String value(Figure f, double v) {
        return f.share() ? pct(v) : num(Math.round(v));
    }

    private static String change(Figure f, double delta) {
        return "<span class=\"delta " + direction(f, delta) + "\">(" + signed(f, delta) + ")</span>";
    }

    /** {@code +3}, {@code -2}, {@code 0}; for a share, in points: {@code +12 pts}. */
    static String signed(Figure f, double delta) {
        long n = Math.round(f.share() ? 100 * delta : delta);
        String text = n > 0 ? "+" + num(n) : n < 0 ? "\u2212" + num(-n) : "0";
        return f.share() ? text + " pts" : text;
    }

    private static String direction(Figure f, double delta) {
        long n = Math.round(f.share() ? 100 * delta : delta);
        if (n == 0 || !(MORE_IS_BETTER.contains(f) || MORE_IS_WORSE.contains(f))) {
            return "flat";
        }
        return (n > 0) == MORE_IS_BETTER.contains(f) ? "better" : "worse";
    }

    private static void figure(StringBuilder h, String label, String value, String note) {
        h.append("<div class=\"card\"><div class=\"label\">").append(esc(label)).append("</div><div class=\"value\">")
                .append(esc(value)).append("</div><div class=\"note\">").append(esc(note)).append("</div></div>\n");
    }

    private static String funnel(Scorecard book) {
        long max = Math.max(1, FUNNEL.stream().mapToLong(s -> book.stages().get(s)).max().orElse(1));
        int rowHeight = 30;
        int labelWidth = 210;
        int barWidth = 520;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"funnel\" role=\"img\" aria-label=\"customers per stage\" viewBox=\"0 0 ")
                .append(labelWidth + barWidth + 120).append(' ').append(FUNNEL.size() * rowHeight + 10)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        int y = 5;
        for (Stage stage : FUNNEL) {
            long n = book.stages().get(stage);
            int w = (int) Math.round((double) barWidth * n / max);
            String share = pct(book.customers() == 0 ? 0 : (double) n / book.customers());
            svg.append("<g class=\"stage\" data-stage=\"").append(stage).append("\" data-count=\"").append(n).append("\">")
                    .append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 19)
                    .append("\" text-anchor=\"end\">").append(label(stage)).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"").append(Math.max(w, 1))
                    .append("\" height=\"").append(rowHeight - 8).append("\" class=\"bar ").append(stage.name().toLowerCase(Locale.ROOT))
                    .append("\"/>").append("<text x=\"").append(labelWidth + Math.max(w, 1) + 6).append("\" y=\"").append(y + 19)
                    .append("\">").append(num(n)).append(" (").append(share).append(")</text></g>\n");
            y += rowHeight;
        }
        return svg.append("</svg>\n").toString();
    }

    private static void table(StringBuilder h, String scope, List<Scorecard> cards) {
        h.append("<table class=\"").append(scope).append("s\">\n<thead><tr><th>").append(scope.equals("team") ? "Team" : "Owner")
                .append("</th><th>Customers</th><th>Referrals</th><th>Real introductions</th><th>Confirmed</th>")
                .append("<th>Referred sales</th><th>Follow-ups on time / late / missed</th><th>Ready, not asked</th>")
                .append("<th>Premature / fatigue / tit-for-tat</th><th>Grade</th></tr></thead>\n<tbody>\n");
        for (Scorecard s : cards) {
            h.append("<tr data-").append(scope).append("=\"").append(esc(s.name())).append("\"><td>").append(esc(s.name()))
                    .append("</td><td>").append(num(s.customers()))
                    .append("</td><td>").append(num(s.referralsReceived()))
                    .append("</td><td>").append(num(s.introductions())).append(" (").append(pct(s.introductionShare())).append(")")
                    .append("</td><td>").append(num(s.introductionsConfirmed()))
                    .append("</td><td>").append(num(s.referredSales())).append(" (").append(pct(s.conversion())).append(")")
                    .append("</td><td>").append(num(s.followUpsOnTime())).append(" / ").append(num(s.followUpsLate()))
                    .append(" / ").append(num(s.followUpsMissed()))
                    .append("</td><td>").append(num(s.readyNotAsked()))
                    .append("</td><td>").append(num(s.prematureAsks())).append(" / ").append(num(s.fatigueAsks()))
                    .append(" / ").append(num(s.titForTatAsks()))
                    .append("</td><td class=\"grade g").append(s.grade()).append("\" title=\"").append(esc(s.gradeReason()))
                    .append("\">").append(s.grade()).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    static String label(Stage stage) {
        String words = stage.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 2rem auto;
                   max-width: 1100px; color: #1d2433; background: #fafbfc; padding: 0 1rem; }
            h1 { margin: 0; font-size: 1.8rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
            .sub { color: #5a6478; margin-top: .3rem; }
            .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: .8rem; margin-top: 1.5rem; }
            .card { background: #fff; border: 1px solid #e1e5ec; border-radius: 8px; padding: .8rem 1rem; }
            .card .label { font-size: .8rem; color: #5a6478; text-transform: uppercase; letter-spacing: .03em; }
            .card .value { font-size: 1.7rem; font-weight: 600; margin: .2rem 0; }
            .card .note { font-size: .8rem; color: #5a6478; }
            .grade.gA { color: #137333; } .grade.gB { color: #1a5fb4; } .grade.gC { color: #b06000; } .grade.gD { color: #b3261e; }
            svg.funnel { width: 100%; max-width: 850px; background: #fff; border: 1px solid #e1e5ec; border-radius: 8px; }
            svg.funnel text { font-size: 13px; fill: #1d2433; }
            .bar { fill: #7a8ba8; } .bar.ready_to_ask { fill: #137333; } .bar.blocked { fill: #b3261e; }
            .bar.following_up, .bar.awaiting_introduction { fill: #1a5fb4; } .bar.cooling_down { fill: #9aa5b8; }
            table { border-collapse: collapse; width: 100%; background: #fff; font-size: .9rem; }
            th, td { border-bottom: 1px solid #e1e5ec; padding: .45rem .6rem; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            th { background: #f0f2f6; font-weight: 600; }
            td.grade { font-weight: 700; text-align: center; }
            svg.trends { width: 100%; max-width: 850px; background: #fff; border: 1px solid #e1e5ec; border-radius: 8px; }
            svg.trends text { font-size: 12px; fill: #1d2433; } svg.trends text.title { font-size: 13px; font-weight: 600; }
            svg.trends text.q { fill: #5a6478; } .tbar { fill: #9aa5b8; } .tbar.latest { fill: #1a5fb4; }
            svg.trends text.delta.better, span.delta.better { fill: #137333; color: #137333; }
            svg.trends text.delta.worse, span.delta.worse { fill: #b3261e; color: #b3261e; }
            svg.trends text.delta.flat, span.delta.flat { fill: #5a6478; color: #5a6478; }
            table.trends { margin-top: 1rem; } table.trends td { white-space: nowrap; }
            table.trends caption { caption-side: top; text-align: left; color: #5a6478; font-size: .85rem; padding: .3rem 0; }
            svg.spark { vertical-align: middle; width: 32px; height: 16px; } svg.spark path { fill: #7a8ba8; }
            """;
}
