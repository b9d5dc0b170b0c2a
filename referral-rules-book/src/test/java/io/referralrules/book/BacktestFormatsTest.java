package io.referralrules.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.WarningType;
import io.referralrules.book.BacktestReport.Better;
import io.referralrules.book.BacktestReport.HeldBack;
import io.referralrules.book.BacktestReport.Outcomes;
import io.referralrules.book.BacktestReport.Side;
import io.referralrules.book.BacktestReport.Signal;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** BacktestJson and BacktestTable on reports set by hand. */
class BacktestFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();
    private static final ReferralReadinessEngine MOMENTUM = ReferralRules.engine(Playbook.POST_SALE_MOMENTUM);

    /** 10 asks allowed (6 introduced, 4 confirmed, 2 sold), 30 held back (3 introduced), no signal seen. */
    private static Side side(ReferralReadinessEngine engine, Outcomes allowed, Outcomes heldBack) {
        Outcomes all = allowed.plus(heldBack);
        return new Side(engine.playbook(), engine.policy(), all,
                Arrays.stream(Stage.values()).map(s -> new BacktestReport.StageOutcomes(s,
                        s == Stage.READY_TO_ASK ? allowed : s == Stage.POSITIONING ? heldBack : Outcomes.NONE)).toList(),
                allowed, List.of(new BacktestReport.WarningOutcomes(WarningType.PREMATURE_ASK, heldBack)),
                Arrays.stream(TrustBuilder.values()).map(b -> new BacktestReport.TrustBuilderLift(b, allowed, heldBack)).toList(),
                Arrays.stream(Signal.values()).map(s -> new BacktestReport.SignalLift(s, Outcomes.NONE, all)).toList(),
                new HeldBack(allowed, heldBack));
    }

    private static final Outcomes ALLOWED = new Outcomes(10, 6, 4, 2);
    private static final Outcomes HELD_BACK = new Outcomes(30, 3, 1, 0);

    private static BacktestReport single() {
        return new BacktestReport(30, 180, 25, 1, List.of(new BacktestReport.Failure("X-1", "book.ndjson:3", "Sale.date must not be null (id=S-1)")),
                2, 1, side(ENGINE, ALLOWED, HELD_BACK), null, null);
    }

    private static BacktestReport compared() {
        return new BacktestReport(30, 180, 25, 0, List.of(), 0, 0, side(ENGINE, ALLOWED, HELD_BACK),
                side(MOMENTUM, ALLOWED.plus(HELD_BACK), Outcomes.NONE), Better.UNDECIDED);
    }

    @Test
    void theJsonNamesEveryFigureWithItsSchemaVersion() throws Exception {
        JsonNode doc = JSON.readTree(BacktestJson.write(single()));

        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(BacktestJson.SCHEMA_VERSION);
        assertThat(doc.get("customers").asLong()).isEqualTo(25);
        assertThat(doc.get("asks").asLong()).isEqualTo(40);
        assertThat(doc.at("/failures/0/location").asText()).isEqualTo("book.ndjson:3");
        assertThat(doc.get("introductionsWithoutAsk").asLong()).isEqualTo(2);
        assertThat(doc.get("introductionsAfterWindow").asLong()).isEqualTo(1);
        JsonNode first = doc.get("first");
        assertThat(first.at("/playbook/id").asText()).isEqualTo("earned-trust");
        assertThat(first.at("/policy/feedbackWindowDays").asInt()).isEqualTo(ENGINE.policy().feedbackWindowDays());
        JsonNode ready = first.get("stages").get(Stage.READY_TO_ASK.ordinal());
        assertThat(ready.get("stage").asText()).isEqualTo("READY_TO_ASK");
        assertThat(ready.get("asks").asLong()).isEqualTo(10);
        assertThat(ready.get("rate").asDouble()).isEqualTo(0.6);
        assertThat(ready.get("low").asDouble()).isCloseTo(Wilson.interval95(6, 10).low(), within(1e-12));
        assertThat(first.at("/stages/0/rate").isNull()).as("no asks: no rate").isTrue();
        assertThat(first.at("/warnings/0/warning").asText()).isEqualTo("PREMATURE_ASK");
        assertThat(first.at("/trustBuilders/0/lift").asDouble()).isCloseTo(0.6 / 0.1, within(1e-12));
        assertThat(first.at("/signals/0/lift").isNull()).isTrue();
        assertThat(first.at("/heldBack/shareHeldBack").asDouble()).isEqualTo(0.75);
        assertThat(first.at("/heldBack/separation").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(first.at("/heldBack/introductionsHeldBack").asDouble()).isCloseTo(3.0 / 9, within(1e-12));
        assertThat(doc.has("second")).isFalse();
        assertThat(doc.has("better")).isFalse();
    }

    @Test
    void theJsonOfAComparisonHasBothSidesAndTheVerdict() throws Exception {
        JsonNode doc = JSON.readTree(BacktestJson.write(compared()));

        assertThat(doc.at("/second/playbook/id").asText()).isEqualTo("post-sale-momentum");
        assertThat(doc.at("/second/heldBack/separation").isNull()).isTrue();
        assertThat(doc.get("better").asText()).isEqualTo("UNDECIDED");
    }

    @Test
    void theTableShowsRatesIntervalsLiftsAndHeldBack() {
        String table = BacktestTable.write(single());

        assertThat(table).startsWith("Backtest of 40 asks of 25 customers (1 failed): an introduction counts within 30 days of the ask,"
                        + " a referred sale within 180 days.\n")
                .contains("Not counted for any ask: 2 introductions naming no ask, 1 outside their ask's window.\n")
                .contains("earned-trust@1.0 (feedback window 90 days)")
                .containsPattern("  READY_TO_ASK +10 +6 +60\\.0%  31\\.3-83\\.2% +4 +2\\n")
                .containsPattern("  FOLLOWING_UP +0 +0 +n/a  n/a +0 +0\\n")
                .contains("x6.00")
                .contains("Held back: 75.0% of asks, 33.3% of introductions; rate allowed minus held back: +50.0 points.\n")
                .doesNotContain("Comparison");
    }

    @Test
    void theTableOfAComparisonSetsTheSidesSideBySide() {
        String table = BacktestTable.write(compared());

        assertThat(table).contains("First: earned-trust@1.0").contains("Second: post-sale-momentum@1.0").contains("\nComparison\n")
                .containsPattern("rate when allowed +60\\.0% of 10 +22\\.5% of 40\\n")
                .containsPattern("allowed minus held back +\\+50\\.0 points +n/a\\n")
                .contains("Cannot tell which separates better");
    }

    @Test
    void theTextIsTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        String root = BacktestTable.write(single());
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(BacktestTable.write(single())).isEqualTo(root);
            assertThat(BacktestJson.write(single())).isEqualTo(withLocale(before));
        } finally {
            Locale.setDefault(before);
        }
    }

    private static String withLocale(Locale locale) {
        Locale current = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return BacktestJson.write(single());
        } finally {
            Locale.setDefault(current);
        }
    }
}
