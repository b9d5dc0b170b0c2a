package io.referralrules.book;

import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.Fact;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.api.facts.SurveyScore;
import io.referralrules.api.facts.SurveyType;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SampleBookTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();

    @Test
    void theSameSeedGivesTheSameBookAnotherSeedAnother() {
        List<CustomerSnapshot> a = new SampleBook(7, AS_OF).customers(40).toList();
        List<CustomerSnapshot> b = new SampleBook(7, AS_OF).customers(40).toList();
        List<CustomerSnapshot> c = new SampleBook(8, AS_OF).customers(40).toList();

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(new SampleBook(7, AS_OF).customer(25, 40)).isEqualTo(a.get(25));
    }

    @Test
    void theFirstCustomersCoverEveryStageEveryBuiltInWarningAndEveryBuiltInAction() {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        Set<WarningType> warnings = EnumSet.noneOf(WarningType.class);
        Set<ActionType> actions = EnumSet.noneOf(ActionType.class);
        new SampleBook(1, AS_OF).customers(SampleBook.ARCHETYPES).forEach(s -> {
            ReadinessAssessment a = ENGINE.assess(s, AS_OF);
            stages.add(a.stage());
            a.warnings().forEach(w -> warnings.add(w.type()));
            a.actions().forEach(x -> actions.add(x.type()));
        });

        assertThat(stages).containsExactlyInAnyOrder(Stage.values());
        assertThat(warnings).containsAll(Arrays.stream(WarningType.values()).filter(w -> w != WarningType.HOST_WARNING).toList());
        assertThat(actions).containsAll(Arrays.stream(ActionType.values()).filter(x -> x != ActionType.HOST_ACTION).toList());
    }

    @Test
    void ownersAndTeamsScaleWithTheBook() {
        SampleBook sample = new SampleBook(1, AS_OF);

        assertThat(SampleBook.owners(60)).isEqualTo(4);
        assertThat(sample.teams(60)).containsEntry("rep-01", "North").containsEntry("rep-02", "South").hasSize(4);
        assertThat(SampleBook.owners(1_000_000)).isEqualTo(2000);
        assertThat(sample.teams(1_000_000).values().stream().distinct().count()).isEqualTo(200);
        assertThat(sample.customers(60).map(s -> s.customer().ownerId()).distinct()).hasSize(4);
    }

    // ask histories

    private static final SampleBook PLAIN = new SampleBook(11, AS_OF);
    private static final SampleBook WITH_HISTORIES = PLAIN.withAskHistories(ENGINE);

    @Test
    void aHistoryOnlyAddsFactsDatedMoreThan800DaysBeforeTheBooksDay() {
        List<CustomerSnapshot> plain = PLAIN.customers(400).toList();
        List<CustomerSnapshot> withPast = WITH_HISTORIES.customers(400).toList();
        LocalDate historyEnds = AS_OF.minusDays(SampleBook.HISTORY_GAP_DAYS + 1);
        int withHistory = 0;
        for (int i = 0; i < plain.size(); i++) {
            Set<Fact> today = plain.get(i).facts().collect(Collectors.toSet());
            List<Fact> added = withPast.get(i).facts().filter(f -> !today.contains(f)).toList();

            assertThat(withPast.get(i).customer()).isEqualTo(plain.get(i).customer());
            assertThat(withPast.get(i).facts()).as(plain.get(i).customer().id()).containsAll(today);
            assertThat(added).allSatisfy(f -> assertThat(f.date()).isBeforeOrEqualTo(historyEnds));
            withHistory += added.isEmpty() ? 0 : 1;
        }
        assertThat(withHistory).as("customers with a sale get a history").isBetween(300, 390);
    }

    @Test
    void aHistoryLeavesTheAssessmentAsOfTheBooksDayAsItWas() {
        List<CustomerSnapshot> plain = PLAIN.customers(600).toList();
        List<CustomerSnapshot> withPast = WITH_HISTORIES.customers(600).toList();

        for (int i = 0; i < plain.size(); i++) {
            assertThat(ENGINE.assess(withPast.get(i), AS_OF)).as(plain.get(i).customer().id())
                    .isEqualTo(ENGINE.assess(plain.get(i), AS_OF));
        }
    }

    @Test
    void theProspectAndTheCustomerAskedTooSoonAfterAFirstSaleGetNoHistory() {
        assertThat(WITH_HISTORIES.customer(0, 60)).isEqualTo(PLAIN.customer(0, 60));
        assertThat(WITH_HISTORIES.customer(10, 60)).isEqualTo(PLAIN.customer(10, 60));
        assertThat(WITH_HISTORIES.customer(4, 60).asks()).hasSizeGreaterThan(PLAIN.customer(4, 60).asks().size());
    }

    @Test
    void theSameSeedGivesTheSameHistories() {
        assertThat(new SampleBook(11, AS_OF).withAskHistories(ENGINE).customers(50).toList())
                .isEqualTo(WITH_HISTORIES.customers(50).toList())
                .isNotEqualTo(new SampleBook(12, AS_OF).withAskHistories(ENGINE).customers(50).toList());
    }

    @Test
    void everyOutcomeOfAHistoryNamesItsAskAndFallsWithinItsWindow() {
        int asks = 0;
        int introductions = 0;
        int referredSales = 0;
        for (CustomerSnapshot s : WITH_HISTORIES.customers(500).toList()) {
            Map<String, ReferralAsk> byId = s.asks().stream().collect(Collectors.toMap(ReferralAsk::id, Function.identity()));
            Map<String, Introduction> intros = s.introductions().stream().collect(Collectors.toMap(Introduction::id, Function.identity()));
            for (Introduction i : s.introductions()) {
                if (!i.id().contains("-HI")) {
                    continue;
                }
                LocalDate asked = byId.get(i.askId()).date();
                assertThat(i.date()).isAfter(asked).isBeforeOrEqualTo(asked.plusDays(20));
                if (i.confirmedOn() != null) {
                    assertThat(i.confirmedOn()).isAfter(i.date()).isBeforeOrEqualTo(asked.plusDays(30));
                }
                introductions++;
            }
            for (ReferredSale r : s.referredSales()) {
                if (r.id().contains("-HRS")) {
                    Introduction i = intros.get(r.introductionId());
                    assertThat(r.date()).isAfter(i.date()).isBeforeOrEqualTo(byId.get(i.askId()).date().plusDays(180));
                    referredSales++;
                }
            }
            asks += (int) s.asks().stream().filter(a -> a.id().contains("-HA")).count();
        }
        assertThat(asks).isGreaterThan(800);
        assertThat(introductions).isBetween(asks / 10, asks / 2);
        assertThat(referredSales).isBetween(introductions / 6, introductions / 2);
    }

    // the planted model, at each of its thresholds

    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    private static CustomerSnapshot known(Fact... facts) {
        CustomerSnapshot.Builder b = CustomerSnapshot.builder(new Customer("C-1", CustomerType.BUSINESS, "rep-01", null));
        for (Fact f : facts) {
            b.add(f);
        }
        return b.build();
    }

    private static SurveyScore nps(String id, LocalDate day, int score) {
        return new SurveyScore(id, day, SurveyType.NPS, score);
    }

    @Test
    void aReadyCustomerGetsAnIntroductionSixTimesInTenWhateverTheSignals() {
        CustomerSnapshot promoterAndComplaint = known(nps("N-1", DAY, 10), new Complaint("CP-1", DAY, null));

        assertThat(SampleBook.introductionChance(Stage.READY_TO_ASK, known(), DAY)).isEqualTo(0.6);
        assertThat(SampleBook.introductionChance(Stage.READY_TO_ASK, promoterAndComplaint, DAY)).isEqualTo(0.6);
    }

    @Test
    void aHeldBackAskGetsFifteenInAHundredPlusTenForAPromoterMinusTenForAnOpenComplaint() {
        assertThat(SampleBook.introductionChance(Stage.EARNING_TRUST, known(), DAY)).isEqualTo(0.15);
        assertThat(SampleBook.introductionChance(Stage.CONFIRMING, known(nps("N-1", DAY, 9)), DAY)).isCloseTo(0.25, within(1e-12));
        assertThat(SampleBook.introductionChance(Stage.BLOCKED, known(new Complaint("CP-1", DAY, null)), DAY)).isCloseTo(0.05, within(1e-12));
        assertThat(SampleBook.introductionChance(Stage.BLOCKED, known(nps("N-1", DAY, 9), new Complaint("CP-1", DAY, null)), DAY))
                .isCloseTo(0.15, within(1e-12));
    }

    @Test
    void aPromoterIsTheLatestNpsScoreOfNineOrMoreWithinNinetyDays() {
        assertThat(SampleBook.promoter(known(nps("N-1", DAY, 8)), DAY)).isFalse();
        assertThat(SampleBook.promoter(known(nps("N-1", DAY.minusDays(90), 9)), DAY)).as("90 days before").isTrue();
        assertThat(SampleBook.promoter(known(nps("N-1", DAY.minusDays(91), 9)), DAY)).as("91 days before").isFalse();
        assertThat(SampleBook.promoter(known(nps("N-1", DAY.minusDays(10), 10), nps("N-2", DAY.minusDays(5), 6)), DAY))
                .as("a later detractor").isFalse();
        assertThat(SampleBook.promoter(known(nps("N-1", DAY.minusDays(10), 6), nps("N-2", DAY.minusDays(5), 9)), DAY))
                .as("a later promoter").isTrue();
        assertThat(SampleBook.promoter(known(new SurveyScore("CS-1", DAY, SurveyType.CSAT, 5)), DAY)).as("CSAT").isFalse();
    }

    @Test
    void aComplaintIsOpenFromItsDayUntilTheDayBeforeItIsResolved() {
        assertThat(SampleBook.openComplaint(known(new Complaint("CP-1", DAY, null)), DAY)).isTrue();
        assertThat(SampleBook.openComplaint(known(new Complaint("CP-1", DAY.minusDays(9), DAY.plusDays(1))), DAY)).isTrue();
        assertThat(SampleBook.openComplaint(known(new Complaint("CP-1", DAY.minusDays(9), DAY)), DAY)).as("resolved that day").isFalse();
        assertThat(SampleBook.openComplaint(known(new Complaint("CP-1", DAY.plusDays(1), null)), DAY)).as("opened after").isFalse();
    }
}
