package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.Stage;
import io.referralrules.api.SurveyReading;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.SurveyType;
import io.referralrules.book.BacktestReport.Better;
import io.referralrules.book.BacktestReport.Failure;
import io.referralrules.book.BacktestReport.HeldBack;
import io.referralrules.book.BacktestReport.Outcomes;
import io.referralrules.book.BacktestReport.Side;
import io.referralrules.book.BacktestReport.Signal;
import io.referralrules.book.BacktestReport.SignalLift;
import io.referralrules.book.BacktestReport.StageOutcomes;
import io.referralrules.book.BacktestReport.TrustBuilderLift;
import io.referralrules.book.BacktestReport.WarningOutcomes;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backtest page of a report whose figures are set by hand: 30 asks, 10 of them when ready to ask (6 introductions),
 * 20 held back (3 introductions). Every rate, interval, bar and lift on the page is checked against a value worked
 * out by hand in the comments (Wilson 95%, z = 1.96).
 */
@DisplayName("Backtest page: hand-set figures, bars at their rates and intervals, escaped, self-contained")
class BacktestHtmlTest {
    static final PlaybookRef EARNED_TRUST = new PlaybookRef("earned-trust", "1.0");
    static final PlaybookRef MOMENTUM = new PlaybookRef("post-sale-momentum", "1.0");

    // 6 of 10: 60.0% (31.3-83.2%); 3 of 20: 15.0% (5.2-36.0%); 9 of 30: 30.0% (16.7-47.9%); 0 of 5: 0.0% (0.0-43.4%)
    static final Outcomes READY = new Outcomes(10, 6, 4, 2);
    static final Outcomes EARNING = new Outcomes(14, 2, 1, 0);
    static final Outcomes COOLING = new Outcomes(6, 1, 0, 0);
    static final Outcomes HELD = EARNING.plus(COOLING);
    static final Outcomes ALL = READY.plus(HELD);

    static Side side(PlaybookRef playbook, ReadinessPolicy policy, HeldBack heldBack) {
        List<StageOutcomes> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            stages.add(new StageOutcomes(stage, switch (stage) {
                case READY_TO_ASK -> READY;
                case EARNING_TRUST -> EARNING;
                case COOLING_DOWN -> COOLING;
                default -> Outcomes.NONE;
            }));
        }
        return new Side(playbook, policy, ALL, stages, new Outcomes(16, 8, 5, 2),
                List.of(new WarningOutcomes(WarningType.PREMATURE_ASK, new Outcomes(5, 0, 0, 0)),
                        new WarningOutcomes(WarningType.ASK_FATIGUE, new Outcomes(10, 1, 0, 0))),
                List.of(new TrustBuilderLift(TrustBuilder.SERVICE_QUALITY, new Outcomes(20, 8, 5, 2), new Outcomes(10, 1, 0, 0)),
                        new TrustBuilderLift(TrustBuilder.PROACTIVE_CARE, new Outcomes(10, 4, 2, 1), new Outcomes(20, 5, 3, 1)),
                        new TrustBuilderLift(TrustBuilder.EXTRA_VALUE, Outcomes.NONE, ALL),
                        new TrustBuilderLift(TrustBuilder.RECIPROCITY, new Outcomes(5, 0, 0, 0), new Outcomes(25, 9, 5, 2)),
                        new TrustBuilderLift(TrustBuilder.RELATIONSHIP, new Outcomes(16, 8, 5, 2), new Outcomes(14, 1, 0, 0))),
                Arrays.stream(Signal.values()).map(s -> switch (s) {
                    case NPS_PROMOTER -> new SignalLift(s, new Outcomes(5, 5, 3, 1), new Outcomes(25, 4, 2, 1));
                    case CSAT_SATISFIED -> new SignalLift(s, new Outcomes(4, 1, 0, 0), new Outcomes(26, 8, 5, 2));
                    default -> new SignalLift(s, Outcomes.NONE, ALL);
                }).toList(),
                heldBack);
    }

    static final Side A = side(EARNED_TRUST, ReadinessPolicy.defaults(), new HeldBack(READY, HELD));
    /** The comparison: allows 16 asks (8 introductions: 50%), holds back 14 (1: 7.1%): separation 42.9 points. */
    static final Side B = side(MOMENTUM, ReadinessPolicy.defaults().toBuilder().greenLightsRequired(3)
            .csatFeedback(SurveyReading.industry(SurveyType.CSAT)).build(),
            new HeldBack(new Outcomes(16, 8, 5, 2), new Outcomes(14, 1, 0, 0)));

    static BacktestReport report(Side second, Better better, List<Failure> failures, long failed) {
        return new BacktestReport(30, 180, 40, failed, failures, 2, 1, A, second, better);
    }

    private static final String PAGE = BacktestHtml.render(report(null, null, List.of(), 0));
    private static final String COMPARED = BacktestHtml.render(report(B, Better.FIRST, List.of(), 0));

    /** The one element of {@code page} that opens with {@code opening}, up to its end tag {@code </tag>}. */
    private static String element(String page, String opening, String tag) {
        int start = page.indexOf(opening);
        assertThat(start).as("%s on the page", opening).isNotNegative();
        assertThat(page.indexOf(opening, start + 1)).as("%s only once", opening).isNegative();
        return page.substring(start, page.indexOf("</" + tag + ">", start) + tag.length() + 3);
    }

    @Test
    void thePageNeedsNothingFromTheNetwork() {
        for (String page : List.of(PAGE, COMPARED)) {
            assertThat(page).startsWith("<!DOCTYPE html>").contains("<style>")
                    .doesNotContain("<script", "<link", "@import", "url(", " src=", "href=", "@font-face", "<iframe",
                            "<object", "<img");
            // inline SVG needs no namespace in HTML: no URL at all on the page
            assertThat(Pattern.compile("https?:|//\\w").matcher(page).find()).isFalse();
        }
    }

    @Test
    void thePageIsWellFormedMarkup() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (String page : List.of(PAGE, COMPARED, BacktestHtml.render(report(null, null, failures(25), 25)))) {
            Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(page)));
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
            assertThat(doc.getElementsByTagName("svg").getLength()).isGreaterThan(20);
        }
    }

    @Test
    void everyStageHasARowInTheCycleOrderWithItsRateAndInterval() {
        String table = element(PAGE, "<section class=\"stages\" id=\"stages\">", "section");
        int last = -1;
        for (Stage stage : ReportCardHtml.FUNNEL) {
            int at = table.indexOf("data-stage=\"" + stage + "\"");
            assertThat(at).as("%s after the stage before it", stage).isGreaterThan(last);
            last = at;
        }
        assertThat(table).contains("<tr data-stage=\"READY_TO_ASK\" data-asks=\"10\" data-introductions=\"6\""
                + " class=\"allowed\"><td>Ready to ask <span class=\"tag\">allowed</span></td><td>10</td><td>6</td>"
                + "<td class=\"rate\">60.0% <span class=\"ci\">(31.3&#8211;83.2%)</span></td>");
        assertThat(table).contains("<tr data-stage=\"EARNING_TRUST\" data-asks=\"14\" data-introductions=\"2\">"
                + "<td>Earning trust</td><td>14</td><td>2</td><td class=\"rate\">14.3% <span class=\"ci\">(4.0&#8211;39.9%)");
        assertThat(table).contains("<tr data-stage=\"BLOCKED\" data-asks=\"0\" data-introductions=\"0\" class=\"empty\">"
                + "<td>Blocked</td><td>0</td><td>0</td><td class=\"rate\">n/a</td>");
        // the total: 9 of 30, 5 confirmed, 2 referred sales
        assertThat(table).contains("<tr data-stage=\"ALL\" data-asks=\"30\" data-introductions=\"9\" class=\"total\">"
                + "<td>All asks</td><td>30</td><td>9</td><td class=\"rate\">30.0% <span class=\"ci\">(16.7&#8211;47.9%)");
        assertThat(row(table, "data-stage=\"ALL\"")).endsWith("<td>5</td><td>2</td></tr>");
    }

    private static String row(String html, String attribute) {
        Matcher m = Pattern.compile("<tr " + Pattern.quote(attribute) + ".*?</tr>").matcher(html);
        assertThat(m.find()).as("a row with %s", attribute).isTrue();
        return m.group();
    }

    @Test
    void aRowBarIsDrawnAtItsRateWithItsIntervalAcrossIt() {
        // 6 of 10 on a 160-pixel bar from x = 2: 96.0 wide; the interval 31.3%-83.2% from 52.0 to 135.1
        String ready = row(PAGE, "data-stage=\"READY_TO_ASK\"");
        assertThat(ready).contains("aria-label=\"60.0%, 95% interval 31.3% to 83.2%\"")
                .contains("<rect class=\"bar\" x=\"2\" y=\"3\" width=\"96.0\" height=\"10\"/>")
                .contains("<line class=\"ci\" x1=\"52.0\" y1=\"8.0\" x2=\"135.1\" y2=\"8.0\"/>");
        // 0 of 5 draws no bar but its interval, 0% to 43.4%: x 2.0 to 71.5
        String premature = row(PAGE, "data-warning=\"PREMATURE_ASK\"");
        assertThat(premature).contains("width=\"0.0\"").contains("x1=\"2.0\" y1=\"8.0\" x2=\"71.5\"");
        // a stage with no asks: the track only
        assertThat(row(PAGE, "data-stage=\"BLOCKED\"")).contains("aria-label=\"no asks\"").doesNotContain("<rect");
    }

    @Test
    void heldBackAgainstAllowedIsCountedAndDrawn() {
        String chart = element(PAGE, "<svg class=\"chart\"", "svg");
        // 480 pixels for 100% from x = 150: allowed 60% is 288.0 wide, its interval 300.1-549.3; held back 15% is 72.0
        // wide, its interval 5.2%-36.0% from 175.1 to 323.0
        assertThat(chart).contains("data-group=\"allowed\" data-asks=\"10\" data-introductions=\"6\"")
                .contains("<rect class=\"bar\" x=\"150\" y=\"14\" width=\"288.0\" height=\"22\"/>")
                .contains("x1=\"300.1\" y1=\"25.0\" x2=\"549.3\" y2=\"25.0\"")
                .contains(">60.0% of 10</text>")
                .contains("data-group=\"held-back\" data-asks=\"20\" data-introductions=\"3\"")
                .contains("width=\"72.0\"").contains("x1=\"175.1\" y1=\"59.0\" x2=\"323.0\" y2=\"59.0\"")
                .contains(">15.0% of 20</text>");
        assertThat(row(PAGE, "data-group=\"held-back\"")).contains("<td>20</td><td>3</td>"
                + "<td>15.0% <span class=\"ci\">(5.2&#8211;36.0%)</span></td><td>1</td><td>0</td>");
        // 20 of 30 held back: 67%; 3 of the 9 introductions came from asks held back: 33%
        assertThat(PAGE).contains("<div class=\"label\">Held back</div><div class=\"value\">67%</div>"
                        + "<div class=\"note\">20 asks not at ready to ask</div>")
                .contains("<div class=\"label\">Rate when allowed</div><div class=\"value\">60%</div>"
                        + "<div class=\"note\">held back: 15%</div>")
                .contains("<div class=\"label\">Introductions held back</div><div class=\"value\">33%</div>"
                        + "<div class=\"note\">3 of 9</div>")
                .contains("<div class=\"label\">Introductions</div><div class=\"value\">9</div><div class=\"note\">30.0%"
                        + " <span class=\"ci\">(16.7&#8211;47.9%)</span> of asks</div>");
        // nothing of the page's own is escaped twice
        assertThat(PAGE).doesNotContain("&lt;", "&amp;");
    }

    @Test
    void warningsListNoWarningFirstThenOnlyTheTypesDrawn() {
        String warnings = element(PAGE, "<section class=\"warnings\" id=\"warnings\">", "section");
        assertThat(warnings.indexOf("data-warning=\"NONE\"")).isLessThan(warnings.indexOf("data-warning=\"PREMATURE_ASK\""));
        assertThat(row(warnings, "data-warning=\"NONE\"")).contains("<td>No warning</td><td>16</td><td>8</td>"
                + "<td class=\"rate\">50.0% <span class=\"ci\">(28.0&#8211;72.0%)");
        assertThat(row(warnings, "data-warning=\"PREMATURE_ASK\"")).contains("<td>Premature ask</td><td>5</td><td>0</td>"
                + "<td class=\"rate\">0.0% <span class=\"ci\">(0.0&#8211;43.4%)");
        assertThat(warnings).contains("data-warning=\"ASK_FATIGUE\"").doesNotContain("TIT_FOR_TAT", "BARE_CONTACT_ASK");
    }

    @Test
    void liftsAreTheRateWithOverTheRateWithoutOrNotApplicable() {
        // 8/20 = 40% against 1/10 = 10%: 4.00
        assertThat(row(PAGE, "data-builder=\"SERVICE_QUALITY\"")).contains("<td>Service quality</td><td>20</td>"
                + "<td class=\"rate\">40.0% <span class=\"ci\">(21.9&#8211;61.3%)</span></td><td>10</td>"
                + "<td class=\"rate\">10.0% <span class=\"ci\">(1.8&#8211;40.4%)</span></td>")
                .endsWith("<td class=\"lift up\">4.00&#215;</td></tr>")
                .contains("aria-label=\"with: 40.0%").contains("aria-label=\"without: 10.0%");
        // 4/10 against 5/20: 1.60
        assertThat(row(PAGE, "data-builder=\"PROACTIVE_CARE\"")).endsWith("<td class=\"lift up\">1.60&#215;</td></tr>");
        // never met: no rate with it, no lift
        assertThat(row(PAGE, "data-builder=\"EXTRA_VALUE\"")).contains("<td>Extra value</td><td>0</td><td class=\"rate\">n/a</td>")
                .endsWith("<td class=\"lift na\">n/a</td></tr>");
        // 0/5 against 9/25: 0.00
        assertThat(row(PAGE, "data-builder=\"RECIPROCITY\"")).endsWith("<td class=\"lift down\">0.00&#215;</td></tr>");
        // 8/16 against 1/14: 7.00
        assertThat(row(PAGE, "data-builder=\"RELATIONSHIP\"")).endsWith("<td class=\"lift up\">7.00&#215;</td></tr>");
        // 5/5 against 4/25 = 16%: 6.25; 1/4 against 8/26: 0.8125
        assertThat(row(PAGE, "data-signal=\"NPS_PROMOTER\"")).contains("<td>NPS promoter</td><td>5</td>"
                + "<td class=\"rate\">100.0% <span class=\"ci\">(56.6&#8211;100.0%)")
                .endsWith("<td class=\"lift up\">6.25&#215;</td></tr>");
        assertThat(row(PAGE, "data-signal=\"CSAT_SATISFIED\"")).contains("<td>CSAT satisfied</td>")
                .endsWith("<td class=\"lift down\">0.81&#215;</td></tr>");
        assertThat(row(PAGE, "data-signal=\"CES_HARD\"")).contains("<td>CES hard</td>").endsWith("<td class=\"lift na\">n/a</td></tr>");
        for (Signal s : Signal.values()) {
            assertThat(PAGE).contains("data-signal=\"" + s + "\"");
        }
        assertThat(PAGE).contains("lower bar: not met &#160; lift = rate met / rate not met</p>")
                .contains("lower bar: without &#160; lift = rate with / rate without</p>");
        assertThat(PAGE).contains("feedback window (90 days)");
    }

    @Test
    void withoutAComparisonThereIsOneSideAndNoVerdict() {
        assertThat(PAGE).doesNotContain("id=\"comparison\"", "id=\"stages-A\"", "class=\"side")
                .contains("<title>Referral backtest: earned-trust@1.0</title>")
                .contains("Playbook <b>earned-trust@1.0</b> &#183; 30 asks of 40 customers</p>")
                .contains("within <b>30 days</b>").contains("within <b>180 days</b> of the ask.")
                .contains("Not counted for any ask: <span id=\"not-counted\">2 introductions naming no ask, 1 outside their"
                        + " ask&#8217;s window</span>.");
        BacktestReport allCounted = new BacktestReport(30, 180, 40, 0, List.of(), 0, 0, A, null, null);
        assertThat(BacktestHtml.render(allCounted)).doesNotContain("Not counted");
    }

    @Test
    void aComparisonShowsBothSidesTheVerdictAndTheThresholdsThatDiffer() {
        assertThat(COMPARED).contains("<title>Referral backtest: earned-trust@1.0 against post-sale-momentum@1.0</title>")
                .contains("id=\"stages-A\"", "id=\"stages-B\"", "id=\"warnings-B\"", "id=\"trust-builders-B\"",
                        "id=\"signals-B\"");
        // A: 60% against 15%, +45.0 points; B: 50% against 1/14 = 7.1%, +42.9 points
        assertThat(COMPARED).contains("<p class=\"verdict first\" data-better=\"FIRST\"><span class=\"side sA\">A</span>"
                + " <b>earned-trust@1.0</b> separates converting from non-converting asks better: +45.0 points against"
                + " +42.9 points.</p>");
        String table = element(COMPARED, "<table class=\"comparison\">", "table");
        assertThat(row(table, "data-figure=\"allowed\"")).contains("<td>10 (33%)</td><td>16 (53%)</td>");
        assertThat(row(table, "data-figure=\"held-back\"")).contains("<td>20 (67%)</td><td>14 (47%)</td>");
        assertThat(row(table, "data-figure=\"rate-held-back\"")).contains("<td>15.0% <span class=\"ci\">(5.2&#8211;36.0%)"
                + "</span></td><td>7.1% <span class=\"ci\">(1.3&#8211;31.5%)</span></td>");
        assertThat(row(table, "data-figure=\"separation\"")).contains("<td>+45.0 points</td><td>+42.9 points</td>");
        assertThat(row(table, "data-figure=\"introductions-held-back\"")).contains("<td>33% (3 of 9)</td><td>11% (1 of 9)</td>");
        String differences = element(COMPARED, "<ul id=\"policy-differences\">", "ul");
        assertThat(differences).contains("<li><code>greenLightsRequired</code> 2 / 3</li>")
                .contains("<li><code>csatFeedback</code> off / on (green light from 4, complaint up to 2)</li>");
        assertThat(differences.split("<li>")).hasSize(3);
        String chart = element(COMPARED, "<svg class=\"chart\"", "svg");
        assertThat(chart).contains("data-group=\"allowed\" data-side=\"A\" data-asks=\"10\"")
                .contains("data-group=\"allowed\" data-side=\"B\" data-asks=\"16\"")
                .contains(">A allowed</text>").contains(">B held back</text>");
    }

    @Test
    void theVerdictSaysWhichSideSeparatesBetterOrWhyItCannot() {
        assertThat(BacktestHtml.render(report(B, Better.SECOND, List.of(), 0))).contains("data-better=\"SECOND\"><span"
                + " class=\"side sB\">B</span> <b>post-sale-momentum@1.0</b> separates converting from non-converting asks"
                + " better: +42.9 points against +45.0 points.</p>");
        assertThat(BacktestHtml.render(report(B, Better.EVEN, List.of(), 0))).contains("data-better=\"EVEN\">The two"
                + " separate converting from non-converting asks equally");
        // a side that allowed every ask has no separation
        Side allAllowed = side(MOMENTUM, ReadinessPolicy.defaults(), new HeldBack(ALL, Outcomes.NONE));
        String undecided = BacktestHtml.render(report(allAllowed, Better.UNDECIDED, List.of(), 0));
        assertThat(undecided).contains("data-better=\"UNDECIDED\">Cannot tell: a side allowed every ask")
                .contains("<td>+45.0 points</td><td>n/a</td>")
                .contains("<p class=\"lead\" id=\"policy-differences\">The two sides use the same thresholds.</p>");
        assertThat(row(undecided, "data-figure=\"held-back\"")).contains("<td>0 (0%)</td>");
        // the same separation: the winner is the one that held back fewer introductions, and the page says so
        Side sameSeparation = side(MOMENTUM, ReadinessPolicy.defaults(),
                new HeldBack(new Outcomes(20, 12, 6, 2), new Outcomes(10, 1, 0, 0).plus(new Outcomes(10, 2, 0, 0))));
        assertThat(sameSeparation.heldBack().separation()).isEqualTo(A.heldBack().separation());
        assertThat(BacktestHtml.render(report(sameSeparation, Better.SECOND, List.of(), 0)))
                .contains("better: +45.0 points against +45.0 points, and it holds back fewer introductions (20% against"
                        + " 33%).</p>");
    }

    @Test
    void aBacktestOfTheSampleBookShowsItsFiguresAndNoCustomerName() {
        SampleBook sample = new SampleBook(42, LocalDate.of(2026, 6, 15));
        List<CustomerSnapshot> book = sample.customers(150).toList();
        BacktestReport report = Backtest.builder(ReferralRules.engine())
                .compareWith(ReferralRules.engine(Playbook.POST_SALE_MOMENTUM)).build().run(book);
        assertThat(report.asks()).as("the sample book has asks").isPositive();
        String page = BacktestHtml.render(report);
        for (CustomerSnapshot c : book) {
            if (c.customer().displayName() != null) {
                assertThat(page).doesNotContain(c.customer().displayName());
            }
        }
        Outcomes all = report.first().all();
        assertThat(row(page, "data-stage=\"ALL\" data-asks=\"" + all.asks() + "\" data-introductions=\""
                + all.introductions() + "\"")).contains("<td>" + String.format(Locale.ROOT, "%,d", all.asks()) + "</td>");
        assertThat(page).contains("id=\"stages-B\"", "data-better=\"" + report.better() + "\"");
        assertThat(page).doesNotContain("&lt;", "&amp;");
    }

    private static List<Failure> failures(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Failure(i == 0 ? null : "C-%06d".formatted(i),
                "book.ndjson:" + (i + 1), "$.facts[0].date: not a date")).toList();
    }

    @Test
    void failuresAreListedUpToTwentyAndCountedBeyond() {
        String page = BacktestHtml.render(report(null, null, failures(25), 25));
        String section = element(page, "<section id=\"failures\">", "section");
        assertThat(section).contains("25 customers could not be read or re-assessed")
                .contains("<tr><td>&#8212;</td><td>book.ndjson:1</td><td>$.facts[0].date: not a date</td></tr>")
                .contains("<td>C-000019</td>").doesNotContain("C-000020")
                .contains("5 more not listed here; the JSON report lists 25.");
        assertThat(page).contains("30 asks of 40 customers (25 could not be backtested)");
        assertThat(PAGE).doesNotContain("id=\"failures\"");
    }

    @Test
    void everyTextFromOutsideIsEscaped() {
        PlaybookRef hostile = new PlaybookRef("<img src=x onerror=alert(1)>", "1&\"2'");
        Side a = side(hostile, ReadinessPolicy.defaults(), new HeldBack(READY, HELD));
        BacktestReport report = new BacktestReport(30, 180, 40, 1,
                List.of(new Failure("<b>C-1</b>", "<book>.ndjson:1", "$.customer.id: 'x<script>'")), 0, 0, a, B, Better.FIRST);
        String page = BacktestHtml.render(report);
        assertThat(page).doesNotContain("<img", "<script", "<b>C-1", "<book>")
                .contains("&lt;img src=x onerror=alert(1)&gt;@1&amp;&quot;2&#39;")
                .contains("<td>&lt;b&gt;C-1&lt;/b&gt;</td><td>&lt;book&gt;.ndjson:1</td>"
                        + "<td>$.customer.id: &#39;x&lt;script&gt;&#39;</td>");
    }

    @Test
    void thePolicyDifferencesComeFromEveryThreshold() {
        ReadinessPolicy defaults = ReadinessPolicy.defaults();
        assertThat(BacktestHtml.policyDifferences(defaults, defaults)).isEmpty();
        ReadinessPolicy other = defaults.toBuilder().lookbackDays(400).askCoolDownDays(60)
                .mandatoryTrustBuilders(java.util.EnumSet.of(TrustBuilder.RELATIONSHIP)).build();
        assertThat(BacktestHtml.policyDifferences(defaults, other)).containsExactly(
                "<code>lookbackDays</code> 365 / 400",
                "<code>mandatoryTrustBuilders</code> RECIPROCITY, SERVICE_QUALITY / RELATIONSHIP",
                "<code>askCoolDownDays</code> 90 / 60");
    }
}
