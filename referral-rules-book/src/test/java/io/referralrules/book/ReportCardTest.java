package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.ExtraValue;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FeedbackSignal;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
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
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A small book whose every figure is worked out by hand in the comments, then checked. */
@DisplayName("Report card: every figure of a hand-computed book")
class ReportCardTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    static final Map<String, String> TEAMS = Map.of("rep-a", "North", "rep-b", "South");
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static CustomerSnapshot.Builder customer(String id, String owner) {
        return CustomerSnapshot.builder(new Customer(id, CustomerType.BUSINESS, owner, null));
    }

    /** Every trust builder met; two green lights in May and June: ready unless something else applies. */
    private static CustomerSnapshot.Builder trusted(String id, String owner) {
        return customer(id, owner)
                .add(new Sale(id + "-S1", d("2025-09-01"), new BigDecimal("5000"), "late invoices"))
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

    /**
     * A (rep-a, North): ask on 2026-01-10, introduction on 01-12 confirmed 01-14, prospect contacted 01-20; thanked
     * 01-13 (due 01-13: on time), status report 01-25 (due 01-23: late), referred sale 02-10, no gift (due 02-17:
     * missed). A names-only ask on 2025-05-01 is before the period (from 2025-06-15). Stage FOLLOWING_UP (gift owed).
     */
    static CustomerSnapshot a() {
        return trusted("A", "rep-a")
                .add(new ReferralAsk("A-A0", d("2025-05-01"), AskType.NAMES_ONLY))
                .add(new ReferralAsk("A-A1", d("2026-01-10"), AskType.INTRODUCTION))
                .add(new Introduction("A-I1", d("2026-01-12"), "A-A1", "P-1", IntroductionChannel.CALL, d("2026-01-14"), d("2026-01-20")))
                .add(new FollowUp("A-F1", d("2026-01-13"), "A-I1", FollowUpType.THANK_REFERRER))
                .add(new FollowUp("A-F2", d("2026-01-25"), "A-I1", FollowUpType.STATUS_REPORT))
                .add(new ReferredSale("A-RS1", d("2026-02-10"), "A-I1", new BigDecimal("3000")))
                .build();
    }

    /**
     * B (rep-a, North): sale 2026-06-01, a names-only ask 06-05 and an introduction ask 06-08: two premature asks, one
     * bare contact, one fatigue (and a pushy chase); stage AWAITING_INTRODUCTION.
     */
    static CustomerSnapshot b() {
        return customer("B", "rep-a")
                .add(new Sale("B-S1", d("2026-06-01"), new BigDecimal("900"), null))
                .add(new ReferralAsk("B-A1", d("2026-06-05"), AskType.NAMES_ONLY))
                .add(new ReferralAsk("B-A2", d("2026-06-08"), AskType.INTRODUCTION))
                .build();
    }

    /** C (rep-b, South): trusted and confirmed, never asked: READY_TO_ASK. */
    static CustomerSnapshot c() {
        return trusted("C", "rep-b").build();
    }

    /** D (rep-c, no team): no sale: NO_RELATIONSHIP. */
    static CustomerSnapshot d() {
        return customer("D", "rep-c").build();
    }

    /** E (rep-b, South): asked 2026-04-25, five days after we gave them a referral: tit for tat; COOLING_DOWN. */
    static CustomerSnapshot e() {
        return trusted("E", "rep-b")
                .add(new ReferralGiven("E-RG2", d("2026-04-20"), null))
                .add(new ReferralAsk("E-A1", d("2026-04-25"), AskType.INTRODUCTION))
                .build();
    }

    static ReportCard card() {
        ReportCardBuilder builder = new ReportCardBuilder(AS_OF, ENGINE.policy(), ENGINE.playbook(), TEAMS);
        BookAssessor.builder(ENGINE).threads(2).build().assess(List.of(a(), b(), c(), d(), e()), AS_OF,
                r -> builder.add(r.snapshot(), r.assessment()));
        return builder.build();
    }

    @Test
    void theStagesAreTheOnesWorkedOutByHand() {
        assertThat(ENGINE.assess(a(), AS_OF).stage()).isEqualTo(Stage.FOLLOWING_UP);
        assertThat(ENGINE.assess(b(), AS_OF).stage()).isEqualTo(Stage.AWAITING_INTRODUCTION);
        assertThat(ENGINE.assess(c(), AS_OF).stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(ENGINE.assess(d(), AS_OF).stage()).isEqualTo(Stage.NO_RELATIONSHIP);
        assertThat(ENGINE.assess(e(), AS_OF).stage()).isEqualTo(Stage.COOLING_DOWN);
    }

    @Test
    void theOwnerFiguresAddUpCustomerByCustomer() {
        ReportCard card = card();

        assertThat(card.owners()).extracting(Scorecard::name).containsExactly("rep-a", "rep-b", "rep-c");
        Scorecard repA = card.owners().get(0);
        // asks: A-A1 and B's two (A-A0 is before the period); introductions: A-I1; bare contacts: B-A1
        assertThat(repA.customers()).isEqualTo(2);
        assertThat(repA.asks()).isEqualTo(3);
        assertThat(repA.introductions()).isEqualTo(1);
        assertThat(repA.bareContacts()).isEqualTo(1);
        assertThat(repA.referralsReceived()).isEqualTo(2);
        assertThat(repA.introductionShare()).isEqualTo(0.5);
        assertThat(repA.introductionsConfirmed()).isEqualTo(1);
        assertThat(repA.referredSales()).isEqualTo(1);
        assertThat(repA.conversion()).isEqualTo(1.0);
        assertThat(repA.followUpsOnTime()).isEqualTo(1);
        assertThat(repA.followUpsLate()).isEqualTo(1);
        assertThat(repA.followUpsMissed()).isEqualTo(1);
        assertThat(repA.followUpsPending()).isZero();
        assertThat(repA.followUpsOnTimeShare()).isEqualTo(1.0 / 3);
        assertThat(repA.readyNotAsked()).isZero();
        assertThat(repA.prematureAsks()).isEqualTo(2);
        assertThat(repA.fatigueAsks()).isEqualTo(1);
        assertThat(repA.titForTatAsks()).isZero();
        // 1 introduction for 2 customers clears "1 per 10", but 33% on time misses A and B
        assertThat(repA.grade()).isEqualTo("C");
        assertThat(repA.stages()).containsEntry(Stage.FOLLOWING_UP, 1L).containsEntry(Stage.AWAITING_INTRODUCTION, 1L);

        Scorecard repB = card.owners().get(1);
        assertThat(repB.customers()).isEqualTo(2);
        assertThat(repB.asks()).isEqualTo(1);
        assertThat(repB.referralsReceived()).isZero();
        assertThat(repB.introductionShare()).isZero();
        assertThat(repB.readyNotAsked()).isEqualTo(1);
        assertThat(repB.titForTatAsks()).isEqualTo(1);
        assertThat(repB.prematureAsks()).isZero();
        assertThat(repB.followUpsOnTimeShare()).isEqualTo(1.0);
        assertThat(repB.grade()).isEqualTo("D");
        assertThat(repB.gradeReason()).startsWith("no real introduction in the period");

        Scorecard repC = card.owners().get(2);
        assertThat(repC.customers()).isEqualTo(1);
        assertThat(repC.asks()).isZero();
        assertThat(repC.stages()).containsEntry(Stage.NO_RELATIONSHIP, 1L);
        assertThat(repC.grade()).isEqualTo("D");
    }

    @Test
    void teamsSumTheirOwnersAndOwnersWithoutATeamCountOnlyInTheBook() {
        ReportCard card = card();

        assertThat(card.teams()).extracting(Scorecard::name).containsExactly("North", "South");
        Scorecard north = card.teams().get(0);
        Scorecard south = card.teams().get(1);
        Scorecard repA = card.owners().get(0);
        Scorecard repB = card.owners().get(1);
        assertThat(north).usingRecursiveComparison().ignoringFields("scope", "name").isEqualTo(repA);
        assertThat(south).usingRecursiveComparison().ignoringFields("scope", "name").isEqualTo(repB);
        assertThat(north.scope()).isEqualTo("team");
    }

    @Test
    void theBookAddsUpEveryone() {
        Scorecard book = card().book();

        assertThat(book.scope()).isEqualTo("book");
        assertThat(book.customers()).isEqualTo(5);
        assertThat(book.asks()).isEqualTo(4);
        assertThat(book.introductions()).isEqualTo(1);
        assertThat(book.bareContacts()).isEqualTo(1);
        assertThat(book.introductionsConfirmed()).isEqualTo(1);
        assertThat(book.referredSales()).isEqualTo(1);
        assertThat(book.followUpsOnTime()).isEqualTo(1);
        assertThat(book.followUpsLate()).isEqualTo(1);
        assertThat(book.followUpsMissed()).isEqualTo(1);
        assertThat(book.readyNotAsked()).isEqualTo(1);
        assertThat(book.prematureAsks()).isEqualTo(2);
        assertThat(book.fatigueAsks()).isEqualTo(1);
        assertThat(book.titForTatAsks()).isEqualTo(1);
        assertThat(book.badAsks()).isEqualTo(4);
        assertThat(book.grade()).isEqualTo("C");
        assertThat(book.stages()).containsEntry(Stage.FOLLOWING_UP, 1L).containsEntry(Stage.AWAITING_INTRODUCTION, 1L)
                .containsEntry(Stage.READY_TO_ASK, 1L).containsEntry(Stage.NO_RELATIONSHIP, 1L)
                .containsEntry(Stage.COOLING_DOWN, 1L).containsEntry(Stage.BLOCKED, 0L);
        assertThat(card().periodStart()).isEqualTo(d("2025-06-15"));
    }

    @Test
    void aPendingFollowUpIsNeitherLateNorMissed() {
        CustomerSnapshot fresh = trusted("F", "rep-a")
                .add(new ReferralAsk("F-A1", d("2026-06-10"), AskType.INTRODUCTION))
                .add(new Introduction("F-I1", d("2026-06-15"), "F-A1", "P-2", IntroductionChannel.EMAIL, null, null))
                .build();
        ReportCardBuilder builder = new ReportCardBuilder(AS_OF, ENGINE.policy(), ENGINE.playbook(), TEAMS);

        Scorecard f = builder.add(fresh, ENGINE.assess(fresh, AS_OF)).build().book();

        // thank the referrer is due 2026-06-16: not yet
        assertThat(f.followUpsPending()).isEqualTo(1);
        assertThat(f.followUpsMissed() + f.followUpsLate() + f.followUpsOnTime()).isZero();
    }

    @Test
    void theGradeRuleAtItsBoundaries() {
        assertThat(grade(10, 1, 9, 0, 0, 0)).isEqualTo("A");    // 1 per 10, 90% on time, no bad ask
        assertThat(grade(11, 1, 9, 0, 0, 0)).isEqualTo("B");    // 1 per 11 misses A
        assertThat(grade(10, 1, 8, 1, 0, 0)).isEqualTo("B");    // 89% on time misses A
        assertThat(grade(10, 1, 9, 1, 1, 10)).isEqualTo("B");   // a bad ask misses A; 1 in 10 asks still B
        assertThat(grade(20, 1, 3, 1, 0, 0)).isEqualTo("B");    // 1 per 20, 75% on time
        assertThat(grade(21, 1, 3, 1, 0, 0)).isEqualTo("C");    // 1 per 21 misses B
        assertThat(grade(20, 1, 2, 1, 0, 0)).isEqualTo("C");    // 67% on time misses B
        assertThat(grade(20, 1, 3, 1, 2, 10)).isEqualTo("C");   // 2 bad asks in 10 misses B
        assertThat(grade(20, 0, 0, 0, 0, 0)).isEqualTo("D");
    }

    private static String grade(long customers, long introductions, long onTime, long late, long bad, long asks) {
        Scorecard s = new Scorecard("owner", "x", customers, asks, introductions, 0, 0, 0, onTime, late, 0, 0, 0, bad, 0, 0,
                Map.of(), "", "");
        return Grade.of(s).letter();
    }
}
