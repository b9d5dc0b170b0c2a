package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.book.BacktestReport.Outcomes;
import io.referralrules.book.BacktestReport.Signal;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The backtest finds what was planted: a sample book of 20,000 customers with ask histories (SampleBook's documented
 * model: an ask when ready gets an introduction with probability 0.6, otherwise 0.15, plus 0.1 with an NPS promoter,
 * minus 0.1 with an open complaint) is backtested, and the observed introduction rate of each planted group (allowed,
 * held back, with and without a promoter score, all asks) has a 95% Wilson interval containing the rate planted in
 * that group: the mean of its asks' planted chances, worked out by the test from the backtest's own reading of each ask
 * (stage and signals the day before) and the model as documented, written out in this test rather than taken from
 * SampleBook's code, so a generator that strays from the documentation fails (planting 0.55 when ready: the allowed
 * asks' interval misses 0.6). Each stage's rate, a mixture of
 * chances, is checked against a 99.9% interval (z = 3.29): nine more 95% intervals would miss one time in three by
 * chance alone.
 *
 * <p>The book is taken as known at the end of its histories ({@link CustomerSnapshot#asKnownOn}), so only planted asks
 * are counted (the customers' recent asks have outcomes chosen by hand and windows not yet over). The seed is
 * {@code -Dreferralrules.seed} (default 8), named in every failure. A 95% interval misses its planted rate one time in
 * twenty by design: with seed 2026 the allowed asks converted 1,584 of 2,745 (0.577, 2.4 standard deviations under
 * 0.6) and that check fails; seeds 7 and 8 give 0.616 and 0.601. A generator planting 0.55 or 0.65 when ready fails
 * whatever the seed ({@link #theIntervalsAreNarrowEnoughToCatchAModelThatWasNotFollowed}).
 */
class BacktestPlantedRatesTest {
    private static final long SEED = Long.getLong("referralrules.seed", 8L);
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final int CUSTOMERS = 20_000;
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();

    private static BacktestReport report;
    /** Per group, the sum of the planted chances of its asks: the expected number of introductions. */
    private static final Map<String, Double> planted = new HashMap<>();
    private static final Map<String, Long> plantedAsks = new HashMap<>();

    @BeforeAll
    static void backtestAGeneratedBook() {
        LocalDate historiesEnd = AS_OF.minusDays(SampleBook.HISTORY_GAP_DAYS + 1);
        List<CustomerSnapshot> book = new ArrayList<>(CUSTOMERS);
        new SampleBook(SEED, AS_OF).withAskHistories(ENGINE).customers(CUSTOMERS)
                .map(s -> s.asKnownOn(historiesEnd))
                .filter(s -> !s.asks().isEmpty())
                .forEach(book::add);
        Backtest backtest = Backtest.builder(ENGINE).build();
        report = backtest.run(book);
        for (CustomerSnapshot s : book) {
            for (Backtest.AskResult r : backtest.asks(s)) {
                ReferralAsk ask = r.ask();
                LocalDate dayBefore = ask.date().minusDays(1);
                double chance = documentedChance(r.first(), s.asKnownOn(dayBefore), dayBefore);
                plant("all", chance);
                plant(r.first().stage() == Stage.READY_TO_ASK ? "allowed" : "held back", chance);
                plant("stage " + r.first().stage(), chance);
                plant((r.first().signals().contains(Signal.NPS_PROMOTER) ? "with " : "without ") + Signal.NPS_PROMOTER, chance);
            }
        }
    }

    /**
     * The model as SampleBook's javadoc documents it, written out here again (not SampleBook's code), so that a generator
     * drawing anything else fails: 0.6 when ready the day before; otherwise 0.15, +0.1 with an NPS promoter signal (the
     * backtest's reading: the latest NPS within the feedback window), -0.1 with a complaint open that day.
     */
    private static double documentedChance(Backtest.Then then, CustomerSnapshot known, LocalDate dayBefore) {
        if (then.stage() == Stage.READY_TO_ASK) {
            return 0.6;
        }
        double chance = 0.15;
        if (then.signals().contains(Signal.NPS_PROMOTER)) {
            chance += 0.1;
        }
        if (known.complaints().stream().anyMatch(c -> !c.date().isAfter(dayBefore)
                && (c.resolvedOn() == null || c.resolvedOn().isAfter(dayBefore)))) {
            chance -= 0.1;
        }
        return chance;
    }

    private static void plant(String group, double chance) {
        planted.merge(group, chance, Double::sum);
        plantedAsks.merge(group, 1L, Long::sum);
    }

    private static double plantedRate(String group) {
        return planted.getOrDefault(group, 0.0) / plantedAsks.getOrDefault(group, 0L);
    }

    private static void assertRecovered(String group, Outcomes observed) {
        assertRecovered(group, observed, observed.interval());
    }

    private static void assertRecovered(String group, Outcomes observed, Wilson.Interval interval) {
        assertThat(observed.asks()).as("seed %d, %s: asks counted by the backtest and by the test", SEED, group)
                .isEqualTo(plantedAsks.getOrDefault(group, 0L));
        double rate = plantedRate(group);
        assertThat(interval.contains(rate))
                .as("seed %d, %s: planted %.4f, observed %d of %d = %.4f, interval [%.4f, %.4f]; rerun with"
                                + " -Dreferralrules.seed=%d", SEED, group, rate, observed.introductions(), observed.asks(),
                        observed.rate(), interval.low(), interval.high(), SEED)
                .isTrue();
    }

    @Test
    void theBookHasEnoughPlantedAsksInEveryGroupToTellTheRatesApart() {
        BacktestReport.HeldBack split = report.first().heldBack();

        assertThat(report.failed()).isZero();
        assertThat(report.asks()).as("seed %d", SEED).isGreaterThan(30_000);
        assertThat(split.allowed().asks()).as("seed %d: allowed asks", SEED).isGreaterThan(2_000);
        assertThat(split.heldBack().asks()).as("seed %d: held-back asks", SEED).isGreaterThan(10_000);
    }

    @Test
    void askingWhenReadyConvertsAtThePlantedSixInTen() {
        Outcomes allowed = report.first().heldBack().allowed();

        assertThat(plantedRate("allowed")).isCloseTo(0.6, within(1e-9));
        assertRecovered("allowed", allowed);
    }

    @Test
    void askingWhenHeldBackConvertsAtThePlantedMeanOfItsChances() {
        assertThat(plantedRate("held back")).isBetween(0.10, 0.20);
        assertRecovered("held back", report.first().heldBack().heldBack());
        assertRecovered("all", report.first().all());
    }

    @Test
    void everyStageWithAsksConvertsAtItsPlantedRateWithinA999Interval() {
        Map<Stage, Outcomes> byStage = new EnumMap<>(Stage.class);
        report.first().stages().forEach(s -> byStage.put(s.stage(), s.outcomes()));
        int checked = 0;
        for (Map.Entry<Stage, Outcomes> e : byStage.entrySet()) {
            if (e.getValue().asks() >= 200) {
                Outcomes o = e.getValue();
                assertRecovered("stage " + e.getKey(), o, Wilson.interval(o.introductions(), o.asks(), 3.2905267314919255));
                checked++;
            } else {
                assertThat(e.getValue().asks()).isEqualTo(plantedAsks.getOrDefault("stage " + e.getKey(), 0L));
            }
        }
        assertThat(checked).as("stages with 200 asks or more").isGreaterThanOrEqualTo(4);
    }

    @Test
    void aPromoterScoreLiftsTheRateByWhatWasPlanted() {
        BacktestReport.SignalLift promoter = report.first().signals().stream()
                .filter(s -> s.signal() == Signal.NPS_PROMOTER).findFirst().orElseThrow();

        assertRecovered("with " + Signal.NPS_PROMOTER, promoter.with());
        assertRecovered("without " + Signal.NPS_PROMOTER, promoter.without());
        assertThat(promoter.lift()).isGreaterThan(1.0);
    }

    @Test
    void theIntervalsAreNarrowEnoughToCatchAModelThatWasNotFollowed() {
        // were the generator to plant 0.55 or 0.65 when ready, or 0.03 less or more when held back, the tests above fail
        Wilson.Interval allowed = report.first().heldBack().allowed().interval();
        Wilson.Interval heldBack = report.first().heldBack().heldBack().interval();

        assertThat(allowed.contains(0.6 - 0.05)).as("seed %d: %s", SEED, allowed).isFalse();
        assertThat(allowed.contains(0.6 + 0.05)).as("seed %d: %s", SEED, allowed).isFalse();
        assertThat(heldBack.contains(plantedRate("held back") - 0.03)).as("seed %d: %s", SEED, heldBack).isFalse();
        assertThat(heldBack.contains(plantedRate("held back") + 0.03)).as("seed %d: %s", SEED, heldBack).isFalse();
    }
}
