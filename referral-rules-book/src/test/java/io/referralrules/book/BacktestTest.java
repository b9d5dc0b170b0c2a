package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.Limits;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.ReplayResult;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.ExtraValue;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FeedbackSignal;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.IssueStatus;
import io.referralrules.api.facts.PositioningConversation;
import io.referralrules.api.facts.ProactiveAction;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferralGiven;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.ServiceInteraction;
import io.referralrules.api.facts.SocialTouch;
import io.referralrules.api.facts.SurveyScore;
import io.referralrules.api.facts.SurveyType;
import io.referralrules.book.BacktestReport.Better;
import io.referralrules.book.BacktestReport.HeldBack;
import io.referralrules.book.BacktestReport.Outcomes;
import io.referralrules.book.BacktestReport.Signal;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** The backtest on customers made by hand, each telling one story about an ask. */
class BacktestTest {
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();
    /** The day of most asks: the trusted customers are ready to ask the day before. */
    private static final LocalDate ASK_DAY = d("2026-06-10");

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    private static CustomerSnapshot.Builder customer(String id) {
        return CustomerSnapshot.builder(new Customer(id, CustomerType.BUSINESS, "rep-1", null));
    }

    /** Four trust builders met (service, proactive care, extra value, reciprocity, relationship) and two green lights by 2026-06-01. */
    private static CustomerSnapshot.Builder trusted(String id) {
        return customer(id)
                .add(new Sale(id + "-S1", d("2025-09-01"), new BigDecimal("5000"), null))
                .add(new PositioningConversation(id + "-PC1", d("2025-09-02")))
                .add(new ServiceInteraction(id + "-SI1", d("2026-01-05"), 5, IssueStatus.RESOLVED))
                .add(new ServiceInteraction(id + "-SI2", d("2026-03-10"), 4, IssueStatus.RESOLVED))
                .add(new ProactiveAction(id + "-PA1", d("2026-02-01"), null))
                .add(new ExtraValue(id + "-EV1", d("2026-02-15"), null))
                .add(new ReferralGiven(id + "-RG1", d("2025-10-01"), null))
                .add(new SocialTouch(id + "-ST1", d("2026-03-15"), null))
                .add(new FeedbackAnswer(id + "-FA1", d("2026-05-20"), null, FeedbackSignal.GREEN_LIGHT))
                .add(new SurveyScore(id + "-N1", d("2026-06-01"), SurveyType.NPS, 10));
    }

    private static ReferralAsk ask(String id, LocalDate day) {
        return new ReferralAsk(id, day, AskType.INTRODUCTION);
    }

    private static Introduction intro(String id, LocalDate day, String askId, LocalDate confirmedOn) {
        return new Introduction(id, day, askId, "P-" + id, IntroductionChannel.CALL, confirmedOn, null);
    }

    /** Asked when ready; the introduction came five days later, confirmed within the window, and a referred sale followed. */
    static CustomerSnapshot readyAndIntroduced() {
        return trusted("R").add(ask("R-A1", ASK_DAY))
                .add(intro("R-I1", d("2026-06-15"), "R-A1", d("2026-06-20")))
                .add(new ReferredSale("R-RS1", d("2026-09-01"), "R-I1", new BigDecimal("3000")))
                .build();
    }

    /** Asked four days after the first sale, before positioning: held back (POSITIONING), premature; no introduction. */
    static CustomerSnapshot heldBackAndNothing() {
        return customer("H")
                .add(new Sale("H-S1", d("2026-06-01"), new BigDecimal("900"), null))
                .add(ask("H-A1", d("2026-06-05")))
                .build();
    }

    @Test
    void anAskWhenReadyThatGotAnIntroductionCountsAsAllowedIntroducedConfirmedAndSold() {
        List<Backtest.AskResult> asks = Backtest.builder(ENGINE).build().asks(readyAndIntroduced());

        assertThat(asks).singleElement().satisfies(r -> {
            assertThat(r.first().stage()).isEqualTo(Stage.READY_TO_ASK);
            assertThat(r.first().trustBuilders()).contains(TrustBuilder.SERVICE_QUALITY, TrustBuilder.RECIPROCITY);
            assertThat(r.first().warnings()).isEmpty();
            assertThat(r.first().signals()).containsExactly(Signal.NPS_PROMOTER);
            assertThat(r.second()).isNull();
            assertThat(r.outcome()).isEqualTo(new Backtest.Outcome(true, true, true, 0));
        });
        BacktestReport report = Backtest.builder(ENGINE).build().run(List.of(readyAndIntroduced()));
        assertThat(report.first().heldBack().allowed()).isEqualTo(new Outcomes(1, 1, 1, 1));
        assertThat(report.first().heldBack().heldBack()).isEqualTo(Outcomes.NONE);
    }

    @Test
    void anAskHeldBackThatGotNothingCountsAsHeldBackWithItsWarnings() {
        Backtest.AskResult r = Backtest.builder(ENGINE).build().asks(heldBackAndNothing()).get(0);

        assertThat(r.first().stage()).isEqualTo(Stage.POSITIONING);
        assertThat(r.first().warnings()).contains(WarningType.PREMATURE_ASK);
        assertThat(r.outcome()).isEqualTo(new Backtest.Outcome(false, false, false, 0));
    }

    @Test
    void theReportCountsEachAskInItsStageWarningsAndHeldBackGroup() {
        BacktestReport report = Backtest.builder(ENGINE).build().run(List.of(readyAndIntroduced(), heldBackAndNothing()));

        BacktestReport.Side side = report.first();
        assertThat(report.asks()).isEqualTo(2);
        assertThat(report.customers()).isEqualTo(2);
        assertThat(side.stages()).extracting(BacktestReport.StageOutcomes::stage).containsExactly(Stage.values());
        assertThat(stage(side, Stage.READY_TO_ASK)).isEqualTo(new Outcomes(1, 1, 1, 1));
        assertThat(stage(side, Stage.POSITIONING)).isEqualTo(new Outcomes(1, 0, 0, 0));
        assertThat(side.noWarning()).isEqualTo(new Outcomes(1, 1, 1, 1));
        assertThat(side.warnings()).filteredOn(w -> w.warning() == WarningType.PREMATURE_ASK)
                .singleElement().extracting(BacktestReport.WarningOutcomes::outcomes).isEqualTo(new Outcomes(1, 0, 0, 0));
        HeldBack h = side.heldBack();
        assertThat(h.shareHeldBack()).isEqualTo(0.5);
        assertThat(h.separation()).isEqualTo(1.0);
        assertThat(h.introductionsHeldBack()).isEqualTo(0.0);
        assertThat(signal(side, Signal.NPS_PROMOTER).with()).isEqualTo(new Outcomes(1, 1, 1, 1));
        assertThat(signal(side, Signal.NPS_PROMOTER).without()).isEqualTo(new Outcomes(1, 0, 0, 0));
        assertThat(signal(side, Signal.NPS_PROMOTER).lift()).as("rate without is 0").isNull();
        BacktestReport.TrustBuilderLift service = side.trustBuilders().get(0);
        assertThat(service.builder()).isEqualTo(TrustBuilder.SERVICE_QUALITY);
        assertThat(service.met()).isEqualTo(new Outcomes(1, 1, 1, 1));
        assertThat(service.notMet()).as("no service interaction yet").isEqualTo(new Outcomes(1, 0, 0, 0));
    }

    @Test
    void anIntroductionAfterTheOutcomeWindowDoesNotCount() {
        CustomerSnapshot late = trusted("L").add(ask("L-A1", ASK_DAY))
                .add(intro("L-I1", ASK_DAY.plusDays(31), "L-A1", ASK_DAY.plusDays(31))).build();
        CustomerSnapshot onTheLastDay = trusted("E").add(ask("E-A1", ASK_DAY))
                .add(intro("E-I1", ASK_DAY.plusDays(30), "E-A1", ASK_DAY.plusDays(30))).build();
        Backtest backtest = Backtest.builder(ENGINE).build();

        assertThat(backtest.asks(late).get(0).outcome()).isEqualTo(new Backtest.Outcome(false, false, false, 1));
        assertThat(backtest.asks(onTheLastDay).get(0).outcome()).isEqualTo(new Backtest.Outcome(true, true, false, 0));
        BacktestReport report = backtest.run(List.of(late, onTheLastDay));
        assertThat(report.introductionsAfterWindow()).isEqualTo(1);
        assertThat(report.first().all()).isEqualTo(new Outcomes(2, 1, 1, 0));
    }

    @Test
    void aLongerOutcomeWindowCountsTheLateIntroduction() {
        CustomerSnapshot late = trusted("L").add(ask("L-A1", ASK_DAY))
                .add(intro("L-I1", ASK_DAY.plusDays(31), "L-A1", null)).build();

        assertThat(Backtest.builder(ENGINE).outcomeDays(31).build().asks(late).get(0).outcome())
                .isEqualTo(new Backtest.Outcome(true, false, false, 0));
    }

    @Test
    void anIntroductionConfirmedAfterTheWindowIsIntroducedButNotConfirmed() {
        CustomerSnapshot s = trusted("C").add(ask("C-A1", ASK_DAY))
                .add(intro("C-I1", ASK_DAY.plusDays(2), "C-A1", ASK_DAY.plusDays(31))).build();

        assertThat(Backtest.builder(ENGINE).build().asks(s).get(0).outcome()).isEqualTo(new Backtest.Outcome(true, false, false, 0));
    }

    @Test
    void aReferredSaleCountsUpTo180DaysAfterTheAskAndNotAfter() {
        CustomerSnapshot on180 = trusted("S").add(ask("S-A1", ASK_DAY)).add(intro("S-I1", ASK_DAY.plusDays(1), "S-A1", null))
                .add(new ReferredSale("S-RS1", ASK_DAY.plusDays(180), "S-I1", BigDecimal.TEN)).build();
        CustomerSnapshot on181 = trusted("T").add(ask("T-A1", ASK_DAY)).add(intro("T-I1", ASK_DAY.plusDays(1), "T-A1", null))
                .add(new ReferredSale("T-RS1", ASK_DAY.plusDays(181), "T-I1", BigDecimal.TEN)).build();
        Backtest backtest = Backtest.builder(ENGINE).build();

        assertThat(backtest.asks(on180).get(0).outcome().referredSale()).isTrue();
        assertThat(backtest.asks(on181).get(0).outcome().referredSale()).isFalse();
    }

    @Test
    void aReferredSaleOfAnIntroductionOutsideTheWindowDoesNotCount() {
        CustomerSnapshot s = trusted("S").add(ask("S-A1", ASK_DAY)).add(intro("S-I1", ASK_DAY.plusDays(40), "S-A1", null))
                .add(new ReferredSale("S-RS1", ASK_DAY.plusDays(60), "S-I1", BigDecimal.TEN)).build();

        assertThat(Backtest.builder(ENGINE).build().asks(s).get(0).outcome()).isEqualTo(new Backtest.Outcome(false, false, false, 1));
    }

    @Test
    void anIntroductionNamingNoAskCountsForNoAsk() {
        CustomerSnapshot s = trusted("N").add(ask("N-A1", ASK_DAY)).add(intro("N-I1", ASK_DAY.plusDays(3), null, null)).build();

        BacktestReport report = Backtest.builder(ENGINE).build().run(List.of(s));

        assertThat(report.first().all()).isEqualTo(new Outcomes(1, 0, 0, 0));
        assertThat(report.introductionsWithoutAsk()).isEqualTo(1);
    }

    @Test
    void anIntroductionOfAnotherAskCountsForThatAskOnly() {
        CustomerSnapshot s = trusted("M").add(ask("M-A1", d("2026-01-10"))).add(ask("M-A2", ASK_DAY))
                .add(intro("M-I1", ASK_DAY.plusDays(3), "M-A2", null)).build();

        List<Backtest.AskResult> asks = Backtest.builder(ENGINE).build().asks(s);

        assertThat(asks).extracting(r -> r.outcome().introduced()).containsExactly(false, true);
    }

    @Test
    void twoIntroductionsOfOneAskCountTheAskOnce() {
        CustomerSnapshot s = trusted("D").add(ask("D-A1", ASK_DAY))
                .add(intro("D-I1", ASK_DAY.plusDays(1), "D-A1", null))
                .add(intro("D-I2", ASK_DAY.plusDays(2), "D-A1", null)).build();

        assertThat(Backtest.builder(ENGINE).build().run(List.of(s)).first().all()).isEqualTo(new Outcomes(1, 1, 0, 0));
    }

    @Test
    void theAskItselfAndItsLaterIntroductionDoNotChangeTheStageThen() {
        // the whole history says AWAITING_INTRODUCTION or FOLLOWING_UP; the day before the ask it said ready
        CustomerSnapshot s = readyAndIntroduced();

        assertThat(ENGINE.assess(s, d("2026-06-16")).stage()).isNotEqualTo(Stage.READY_TO_ASK);
        assertThat(Backtest.builder(ENGINE).build().asks(s).get(0).first().stage()).isEqualTo(Stage.READY_TO_ASK);
    }

    @Test
    void aComplaintOpenWhenAskedAndResolvedLaterBlockedTheAsk() {
        CustomerSnapshot s = trusted("B").add(new Complaint("B-C1", d("2026-06-05"), d("2026-06-20")))
                .add(ask("B-A1", ASK_DAY)).build();

        Backtest.AskResult r = Backtest.builder(ENGINE).build().asks(s).get(0);

        assertThat(r.first().stage()).isEqualTo(Stage.BLOCKED);
        assertThat(r.first().warnings()).contains(WarningType.ASK_DURING_COMPLAINT);
    }

    @Test
    void eachSignalReadsTheLatestSurveyOfItsTypeWithinTheFeedbackWindow() {
        ReadinessPolicy policy = ENGINE.policy();
        LocalDate day = d("2026-06-09");
        LocalDate firstDay = day.minusDays(policy.feedbackWindowDays());
        CustomerSnapshot s = customer("G")
                .add(new SurveyScore("N-old", firstDay.minusDays(1), SurveyType.NPS, 10))
                .add(new SurveyScore("C-1", firstDay, SurveyType.CSAT, 5))
                .add(new SurveyScore("C-2", day, SurveyType.CSAT, 2))
                .add(new SurveyScore("E-1", day, SurveyType.CES, 5))
                .build();

        assertThat(Backtest.signals(s, day, policy)).containsExactlyInAnyOrder(Signal.CSAT_DISSATISFIED, Signal.CES_EASY);
    }

    @Test
    void theIndustryReadingsHaveTheirBoundaries() {
        assertThat(Signal.NPS_PROMOTER.reads(9)).isTrue();
        assertThat(Signal.NPS_PROMOTER.reads(8)).isFalse();
        assertThat(Signal.NPS_DETRACTOR.reads(6)).isTrue();
        assertThat(Signal.NPS_DETRACTOR.reads(7)).isFalse();
        assertThat(Signal.CSAT_SATISFIED.reads(4)).isTrue();
        assertThat(Signal.CSAT_SATISFIED.reads(3)).isFalse();
        assertThat(Signal.CSAT_DISSATISFIED.reads(2)).isTrue();
        assertThat(Signal.CSAT_DISSATISFIED.reads(3)).isFalse();
        assertThat(Signal.CES_EASY.reads(5)).isTrue();
        assertThat(Signal.CES_EASY.reads(4)).isFalse();
        assertThat(Signal.CES_HARD.reads(3)).isTrue();
        assertThat(Signal.CES_HARD.reads(4)).isFalse();
    }

    @Test
    void aCustomerTheEngineCannotAssessIsCountedAndListedAndTheRunGoesOn() {
        List<BacktestReport.Failure> heard = new ArrayList<>();
        Backtest backtest = Backtest.builder(new FailingFor("H", ENGINE)).onFailure(heard::add).build();

        BacktestReport report = backtest.run(List.of(heldBackAndNothing(), readyAndIntroduced()));

        assertThat(report.customers()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.failures()).containsExactly(new BacktestReport.Failure("H", "#0", "cannot assess customer H"));
        assertThat(heard).isEqualTo(report.failures());
        assertThat(report.asks()).as("only R's ask").isEqualTo(1);
    }

    @Test
    void onSeveralThreadsTheReportAndTheFailuresAreTheSameAndInBookOrder() {
        List<CustomerSnapshot> book = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            book.add(i % 3 == 0 ? heldBackAndNothing() : readyAndIntroduced());
        }
        List<BacktestReport.Failure> oneThread = new ArrayList<>();
        List<BacktestReport.Failure> fourThreads = new ArrayList<>();
        FailingFor engine = new FailingFor("H", ENGINE);

        BacktestReport one = Backtest.builder(engine).onFailure(oneThread::add).build().run(book);
        BacktestReport four = Backtest.builder(engine).threads(4).onFailure(fourThreads::add).build().run(book);

        assertThat(four).isEqualTo(one);
        assertThat(fourThreads).isEqualTo(oneThread).hasSize(14);
        assertThat(fourThreads).extracting(BacktestReport.Failure::location).startsWith("#0", "#3", "#6");
        assertThat(one.asks()).isEqualTo(26);
    }

    @Test
    void theNumberOfThreadsIsBounded() {
        assertThatIllegalArgumentException().isThrownBy(() -> Backtest.builder(ENGINE).threads(0))
                .withMessage("threads must be from 1 to 256, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> Backtest.builder(ENGINE).threads(257));
    }

    @Test
    void anAskOnTheEarliestDayHasNoDayBeforeToAssessAndTheCustomerIsListed() {
        CustomerSnapshot s = customer("Z").add(new Sale("Z-S1", Limits.EARLIEST_DATE, BigDecimal.TEN, null))
                .add(ask("Z-A1", Limits.EARLIEST_DATE)).build();

        BacktestReport report = Backtest.builder(ENGINE).build().run(List.of(s, readyAndIntroduced()));

        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.customerId()).isEqualTo("Z");
            assertThat(f.problem()).startsWith("asOf must be between " + Limits.EARLIEST_DATE);
        });
        assertThat(report.asks()).isEqualTo(1);
    }

    @Test
    void aFailedBookItemIsCountedAndListed() {
        List<BookItem> items = List.of(BookItem.failed("X", "book.ndjson:1", "Sale.date must not be null (id=S-1)"),
                BookItem.of(readyAndIntroduced(), "book.ndjson:2"));

        BacktestReport report = Backtest.builder(ENGINE).build().run(items.iterator());

        assertThat(report.failures()).containsExactly(
                new BacktestReport.Failure("X", "book.ndjson:1", "Sale.date must not be null (id=S-1)"));
        assertThat(report.customers()).isEqualTo(2);
        assertThat(report.asks()).isEqualTo(1);
    }

    @Test
    void aComparisonFailingForACustomerSkipsTheCustomerOnBothSides() {
        Backtest backtest = Backtest.builder(ENGINE).compareWith(new FailingFor("R", ENGINE)).build();

        BacktestReport report = backtest.run(List.of(readyAndIntroduced(), heldBackAndNothing()));

        assertThat(report.first().all().asks()).isEqualTo(1);
        assertThat(report.second().all().asks()).isEqualTo(1);
    }

    @Test
    void aComparisonBacktestsTheSameAsksUnderBothEngines() {
        ReferralReadinessEngine momentum = ReferralRules.engine(Playbook.POST_SALE_MOMENTUM);
        BacktestReport report = Backtest.builder(ENGINE).compareWith(momentum).build()
                .run(Stream.of(readyAndIntroduced(), heldBackAndNothing()));

        assertThat(report.first().playbook()).isEqualTo(ENGINE.playbook());
        assertThat(report.second().playbook()).isEqualTo(momentum.playbook());
        assertThat(report.second().all()).isEqualTo(report.first().all());
        assertThat(report.better()).isNotNull();
    }

    @Test
    void withoutAComparisonThereIsNoSecondSideNorVerdict() {
        BacktestReport report = Backtest.builder(ENGINE).build().run(List.of());

        assertThat(report.second()).isNull();
        assertThat(report.better()).isNull();
        assertThat(report.asks()).isZero();
        assertThat(report.first().heldBack().shareHeldBack()).isNull();
        assertThat(report.first().all().rate()).isNull();
        assertThat(report.first().all().interval()).isNull();
    }

    @Test
    void theBetterSideSeparatesMoreAndOnATieHoldsBackFewerIntroductions() {
        HeldBack wide = new HeldBack(new Outcomes(10, 6, 0, 0), new Outcomes(10, 1, 0, 0));
        HeldBack narrow = new HeldBack(new Outcomes(10, 4, 0, 0), new Outcomes(10, 2, 0, 0));
        HeldBack sameButFewerHeld = new HeldBack(new Outcomes(20, 12, 0, 0), new Outcomes(5, 0, 0, 0));
        HeldBack sameButMoreHeld = new HeldBack(new Outcomes(10, 6, 0, 0), new Outcomes(20, 2, 0, 0));
        HeldBack allowedEverything = new HeldBack(new Outcomes(10, 5, 0, 0), Outcomes.NONE);

        assertThat(Backtest.better(wide, narrow)).isEqualTo(Better.FIRST);
        assertThat(Backtest.better(narrow, wide)).isEqualTo(Better.SECOND);
        assertThat(Backtest.better(wide, wide)).isEqualTo(Better.EVEN);
        assertThat(Backtest.better(allowedEverything, wide)).isEqualTo(Better.UNDECIDED);
        // both separate by 0.5 and 0.5; the first holds back none of its introductions, the second 2 of 14
        HeldBack a = new HeldBack(new Outcomes(10, 5, 0, 0), new Outcomes(10, 0, 0, 0));
        HeldBack b = new HeldBack(new Outcomes(20, 12, 0, 0), new Outcomes(20, 2, 0, 0));
        assertThat(a.separation()).isEqualTo(0.5);
        assertThat(b.separation()).isEqualTo(0.5);
        assertThat(Backtest.better(a, b)).isEqualTo(Better.FIRST);
        assertThat(Backtest.better(b, a)).isEqualTo(Better.SECOND);
        assertThat(sameButFewerHeld.separation()).isEqualTo(0.6);
        assertThat(sameButMoreHeld.separation()).isEqualTo(0.5);
    }

    @Test
    void separationsEqualAsFractionsTieEvenWhenTheirDoublesDiffer() {
        // 1/10 - 0/10 and 4/10 - 3/10 are both 0.1, though 0.4 - 0.3 is 0.10000000000000003 in doubles; the tie goes
        // to the side holding back fewer introductions (0 of 1 against 3 of 7)
        HeldBack fewerHeld = new HeldBack(new Outcomes(10, 1, 0, 0), new Outcomes(10, 0, 0, 0));
        HeldBack moreHeld = new HeldBack(new Outcomes(10, 4, 0, 0), new Outcomes(10, 3, 0, 0));
        assertThat(Backtest.better(fewerHeld, moreHeld)).isEqualTo(Better.FIRST);
        assertThat(Backtest.better(moreHeld, fewerHeld)).isEqualTo(Better.SECOND);
        // 1 of 3 held back against 2 of 6: the same share, even
        HeldBack third = new HeldBack(new Outcomes(10, 2, 0, 0), new Outcomes(10, 1, 0, 0));
        HeldBack twoSixths = new HeldBack(new Outcomes(20, 4, 0, 0), new Outcomes(20, 2, 0, 0));
        assertThat(Backtest.better(third, twoSixths)).isEqualTo(Better.EVEN);
    }

    @Test
    void liftIsTheRateWithOverTheRateWithoutAndNaWhenAGroupIsEmpty() {
        BacktestReport.TrustBuilderLift lift = new BacktestReport.TrustBuilderLift(TrustBuilder.EXTRA_VALUE,
                new Outcomes(10, 6, 0, 0), new Outcomes(20, 4, 0, 0));

        assertThat(lift.lift()).isCloseTo(3.0, within(1e-12));
        assertThat(new BacktestReport.TrustBuilderLift(TrustBuilder.EXTRA_VALUE, Outcomes.NONE, new Outcomes(2, 1, 0, 0)).lift()).isNull();
        assertThat(new BacktestReport.SignalLift(Signal.CES_HARD, new Outcomes(2, 1, 0, 0), Outcomes.NONE).lift()).isNull();
    }

    @Test
    void outcomesThatCannotBeTrueAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Outcomes(1, 2, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Outcomes(2, 1, 2, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Outcomes(2, 1, 0, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> new Outcomes(-1, 0, 0, 0));
    }

    @Test
    void theOutcomeWindowIsBounded() {
        assertThatIllegalArgumentException().isThrownBy(() -> Backtest.builder(ENGINE).outcomeDays(-1))
                .withMessage("outcomeDays must be from 0 to 3650, was -1");
        assertThatIllegalArgumentException().isThrownBy(() -> Backtest.builder(ENGINE).outcomeDays(3651));
        assertThat(Backtest.builder(ENGINE).outcomeDays(0).build().outcomeDays()).isZero();
    }

    /** The real engine, except that it cannot assess one customer. */
    static final class FailingFor implements ReferralReadinessEngine {
        private final String customerId;
        private final ReferralReadinessEngine real;

        FailingFor(String customerId, ReferralReadinessEngine real) {
            this.customerId = customerId;
            this.real = real;
        }

        @Override
        public ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf) {
            if (snapshot.customer().id().equals(customerId)) {
                throw new IllegalStateException("cannot assess customer " + customerId);
            }
            return real.assess(snapshot, asOf);
        }

        @Override
        public DecisionRecord record(CustomerSnapshot snapshot, LocalDate asOf) {
            return real.record(snapshot, asOf);
        }

        @Override
        public ReplayResult replay(DecisionRecord record) {
            return real.replay(record);
        }

        @Override
        public ReadinessPolicy policy() {
            return real.policy();
        }

        @Override
        public PlaybookRef playbook() {
            return real.playbook();
        }
    }

    private static Outcomes stage(BacktestReport.Side side, Stage stage) {
        return side.stages().stream().filter(s -> s.stage() == stage).findFirst().orElseThrow().outcomes();
    }

    private static BacktestReport.SignalLift signal(BacktestReport.Side side, Signal signal) {
        return side.signals().stream().filter(s -> s.signal() == signal).findFirst().orElseThrow();
    }
}
