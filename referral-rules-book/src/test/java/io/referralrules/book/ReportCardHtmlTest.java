package io.referralrules.book;

import io.referralrules.api.Stage;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCardHtmlTest {
    private static final String PAGE = ReportCardHtml.render(ReportCardTest.card());
    private static final String TRENDS = ReportCardHtml.render(ReportCardTrendsTest.card());

    @Test
    void thePageNeedsNothingFromTheNetwork() {
        assertThat(PAGE).startsWith("<!DOCTYPE html>").contains("<style>")
                .doesNotContain("<script", "<link", "@import", "url(", " src=", "@font-face");
        // the only URL is the SVG namespace, which browsers never fetch
        assertThat(Pattern.compile("https?://").matcher(PAGE).results().count()).isEqualTo(1);
        assertThat(PAGE).contains("xmlns=\"http://www.w3.org/2000/svg\"");
    }

    @Test
    void theFunnelHasABarPerStageWithItsCount() {
        for (Stage stage : Stage.values()) {
            assertThat(PAGE).contains("data-stage=\"" + stage + "\"");
        }
        assertThat(PAGE).contains("data-stage=\"READY_TO_ASK\" data-count=\"1\"")
                .contains("data-stage=\"BLOCKED\" data-count=\"0\"")
                .contains(">Ready to ask</text>").contains(">1 (20%)</text>");
    }

    @Test
    void theKeyFiguresAndTheTablesShowTheHandComputedNumbers() {
        assertThat(PAGE).contains("<div class=\"label\">Referrals received</div><div class=\"value\">2</div>"
                + "<div class=\"note\">50% real introductions</div>");
        assertThat(PAGE).contains("<div class=\"label\">Follow-ups on time</div><div class=\"value\">33%</div>"
                + "<div class=\"note\">1 late, 1 missed</div>");
        assertThat(PAGE).contains("<div class=\"label\">Bad asks</div><div class=\"value\">4</div>");
        assertThat(PAGE).contains("<tr data-owner=\"rep-a\"><td>rep-a</td><td>2</td><td>2</td><td>1 (50%)</td><td>1</td>"
                + "<td>1 (100%)</td><td>1 / 1 / 1</td><td>0</td><td>2 / 1 / 0</td>");
        assertThat(PAGE).contains("<tr data-team=\"South\"><td>South</td><td>2</td><td>0</td>");
        assertThat(PAGE).contains("<tr data-owner=\"rep-c\">");
        assertThat(PAGE).contains("class=\"card grade gC\"");
    }

    @Test
    void withoutTrendsThereIsNoTrendsSection() {
        assertThat(PAGE).doesNotContain("id=\"trends\"", "The last four quarters");
    }

    @Test
    void trendsWithNoQuarterShowNothing() {
        ReportCard card = ReportCardTest.card();
        ReportCard.Trend none = new ReportCard.Trend("book", "all", java.util.List.of());
        ReportCard empty = new ReportCard(card.asOf(), card.periodStart(), card.playbook(), card.book(), card.teams(),
                card.owners(), java.util.Optional.of(new ReportCard.Trends(java.util.List.of(), none, java.util.List.of(),
                java.util.List.of())));

        assertThat(ReportCardHtml.render(empty)).isEqualTo(PAGE);
    }

    @Test
    void theTrendsPageNeedsNothingFromTheNetworkEither() {
        assertThat(TRENDS).doesNotContain("<script", "<link", "@import", "url(", " src=", "@font-face");
        assertThat(Pattern.compile("https?://").matcher(TRENDS).results().count()).isEqualTo(1);
    }

    @Test
    void theTrendsChartHasABarPerQuarterForEachKeyFigureOfTheBook() {
        assertThat(TRENDS).contains("<section id=\"trends\"><h2>The last four quarters</h2>")
                .contains("2025-Q2 (from 2025-04-01) to 2026-Q1 (to 2026-03-31)");
        for (ReportCard.Figure f : ReportCardHtml.TREND_FIGURES) {
            assertThat(TRENDS).contains("<g class=\"figure\" data-figure=\"" + f.key() + "\">");
        }
        // the book's introductions: M 1, 0, 0, 1 and N 0, 1, 0, 2
        String introductions = TRENDS.substring(TRENDS.indexOf("data-figure=\"introductions\">"));
        introductions = introductions.substring(0, introductions.indexOf("</g>\n</g>"));
        assertThat(Pattern.compile("data-quarter=\"([^\"]+)\" data-value=\"([^\"]+)\"").matcher(introductions).results()
                .map(m -> m.group(1) + "=" + m.group(2)).toList())
                .containsExactly("2025-Q2=1", "2025-Q3=1", "2025-Q4=0", "2026-Q1=3");
        assertThat(introductions).contains("<text class=\"delta better\"").contains(">+2</text>");
    }

    @Test
    void theTrendsTableShowsEachTeamsAndOwnersChange() {
        assertThat(TRENDS).contains("<tr data-trend-team=\"North\"><td>North <small>(team)</small></td>")
                .contains("<tr data-trend-owner=\"rep-c\">");
        String repB = row("data-trend-owner=\"rep-b\"");
        // rep-b's introductions 0, 1, 0, 2: bars of 1 (at least), 8, 1 and 15 of 15 pixels
        assertThat(repB).contains("<td data-figure=\"introductions\"><svg class=\"spark\" viewBox=\"0 0 32 16\" aria-hidden=\"true\">"
                        + "<path d=\"M1 15h6v1h-6zM9 8h6v8h-6zM17 15h6v1h-6zM25 1h6v15h-6z\"/></svg>")
                .contains("</svg> 0 &rarr; 2 <span class=\"delta better\">(+2)</span></td>");
        String repA = row("data-trend-owner=\"rep-a\"");
        assertThat(repA).contains("100% &rarr; 50% <span class=\"delta worse\">(\u221250 pts)</span>");
        String repD = row("data-trend-owner=\"rep-d\"");
        // ready, not asked has no better or worse; bad asks 0 to 0
        assertThat(repD).contains("<td data-figure=\"badAsks\">").contains("0 &rarr; 0 <span class=\"delta flat\">(0)</span>");
        assertThat(TRENDS).contains("<li><b>The last four quarters</b>");
    }

    @Test
    void aChangeIsSignedAndASharesChangeIsInPoints() {
        assertThat(ReportCardHtml.signed(ReportCard.Figure.INTRODUCTIONS, 3)).isEqualTo("+3");
        assertThat(ReportCardHtml.signed(ReportCard.Figure.INTRODUCTIONS, -1234)).isEqualTo("\u22121,234");
        assertThat(ReportCardHtml.signed(ReportCard.Figure.INTRODUCTIONS, 0)).isEqualTo("0");
        assertThat(ReportCardHtml.signed(ReportCard.Figure.CONVERSION, 0.125)).isEqualTo("+13 pts");
        assertThat(ReportCardHtml.signed(ReportCard.Figure.CONVERSION, -0.004)).isEqualTo("0 pts");
    }

    private static String row(String marker) {
        String rest = TRENDS.substring(TRENDS.indexOf("<tr " + marker));
        return rest.substring(0, rest.indexOf("</tr>"));
    }

    @Test
    void namesAreEscaped() {
        assertThat(ReportCardHtml.esc("<b>\"R&D\"</b>")).isEqualTo("&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;");
    }
}
