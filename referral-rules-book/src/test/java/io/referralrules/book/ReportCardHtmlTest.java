package io.referralrules.book;

import io.referralrules.api.Stage;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCardHtmlTest {
    private static final String PAGE = ReportCardHtml.render(ReportCardTest.card());

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
    void namesAreEscaped() {
        assertThat(ReportCardHtml.esc("<b>\"R&D\"</b>")).isEqualTo("&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;");
    }
}
