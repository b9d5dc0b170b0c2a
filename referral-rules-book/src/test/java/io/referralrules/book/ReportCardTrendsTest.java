package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.api.facts.Sale;
import io.referralrules.book.ReportCard.Figure;
import io.referralrules.book.ReportCard.Quarter;
import io.referralrules.book.ReportCard.Trend;
import io.referralrules.book.ReportCard.Trends;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The report card's last four quarters on a small book worked out by hand. As of 2026-06-15 the quarters that ended
 * by then are 2025-Q2, 2025-Q3, 2025-Q4 and 2026-Q1 (2026-Q2 ends on 06-30, after the card's day).
 */
@DisplayName("Report card trends: the last four quarters, each as known at its end")
class ReportCardTrendsTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    static final Map<String, String> TEAMS = Map.of("rep-a", "North", "rep-b", "South", "rep-d", "South");
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static CustomerSnapshot.Builder customer(String id, String owner) {
        return CustomerSnapshot.builder(new Customer(id, CustomerType.BUSINESS, owner, null))
                .add(new Sale(id + "-S1", d("2025-01-10"), new BigDecimal("5000"), null));
    }

    /**
     * M (rep-a, North): introductions in three quarters.
     * <ul>
     *   <li>2025-Q2: ask 05-05, introduction 05-06 confirmed 05-10, referrer thanked 05-07 (due 05-07: on time);</li>
     *   <li>2025-Q4: a names-only ask 11-03 (a bare contact);</li>
     *   <li>2026-Q1: ask 02-02, introduction 02-03 (confirmed only on 04-02, after the quarter), referrer never thanked
     *       (due 02-04: missed), prospect contacted 02-10 and status reported 02-12 (due 02-13: on time), referred sale
     *       03-28 (gift due 04-04: pending on 03-31; given 04-02).</li>
     * </ul>
     */
    static CustomerSnapshot m() {
        return mUntilQ1End()
                .add(new FollowUp("M-F4", d("2026-04-02"), "M-I2", FollowUpType.THANK_YOU_GIFT))
                .build();
    }

    /** M with nothing known after 2026-03-31 but the confirmation of M-I2 (02-03) on 04-02. */
    private static CustomerSnapshot.Builder mUntilQ1End() {
        return mBefore(d("2026-04-02"));
    }

    private static CustomerSnapshot.Builder mBefore(LocalDate confirmed) {
        return customer("M", "rep-a")
                .add(new ReferralAsk("M-A1", d("2025-05-05"), AskType.INTRODUCTION))
                .add(new Introduction("M-I1", d("2025-05-06"), "M-A1", "P-1", IntroductionChannel.CALL, d("2025-05-10"), null))
                .add(new FollowUp("M-F1", d("2025-05-07"), "M-I1", FollowUpType.THANK_REFERRER))
                .add(new ReferralAsk("M-A2", d("2025-11-03"), AskType.NAMES_ONLY))
                .add(new ReferralAsk("M-A3", d("2026-02-02"), AskType.INTRODUCTION))
                .add(new Introduction("M-I2", d("2026-02-03"), "M-A3", "P-2", IntroductionChannel.EMAIL, confirmed, d("2026-02-10")))
                .add(new FollowUp("M-F3", d("2026-02-12"), "M-I2", FollowUpType.STATUS_REPORT))
                .add(new ReferredSale("M-RS2", d("2026-03-28"), "M-I2", new BigDecimal("2000")));
    }

    /** N (rep-b, South): one introduction in 2025-Q3 (08-12), two in 2026-Q1 (01-20, 03-31: the quarter's last day). */
    static CustomerSnapshot n() {
        return customer("N", "rep-b")
                .add(new ReferralAsk("N-A1", d("2025-08-11"), AskType.INTRODUCTION))
                .add(new Introduction("N-I1", d("2025-08-12"), "N-A1", "P-3", IntroductionChannel.CALL, null, null))
                .add(new ReferralAsk("N-A2", d("2026-01-19"), AskType.INTRODUCTION))
                .add(new Introduction("N-I2", d("2026-01-20"), "N-A2", "P-4", IntroductionChannel.CALL, null, null))
                .add(new Introduction("N-I3", d("2026-03-31"), "N-A2", "P-5", IntroductionChannel.CALL, null, null))
                .build();
    }

    /** P (rep-d, South): a sale on 2025-12-01 and an ask four days later: a premature ask in 2025-Q4. */
    static CustomerSnapshot p() {
        return CustomerSnapshot.builder(new Customer("P", CustomerType.BUSINESS, "rep-d", null))
                .add(new Sale("P-S1", d("2025-12-01"), new BigDecimal("700"), null))
                .add(new ReferralAsk("P-A1", d("2025-12-05"), AskType.INTRODUCTION))
                .build();
    }

    /** D (rep-c, no team): nothing at all. */
    static CustomerSnapshot empty() {
        return CustomerSnapshot.builder(new Customer("D", CustomerType.BUSINESS, "rep-c", null)).build();
    }

    static ReportCard card(List<CustomerSnapshot> customers) {
        ReportCardBuilder builder = new ReportCardBuilder(AS_OF, ENGINE.policy(), ENGINE.playbook(), TEAMS).trends(ENGINE);
        for (CustomerSnapshot c : customers) {
            builder.add(c, ENGINE.assess(c, AS_OF));
        }
        return builder.build();
    }

    static ReportCard card() {
        return card(List.of(m(), n(), p(), empty()));
    }

    private static Trend owner(ReportCard card, String name) {
        return card.trends().orElseThrow().owners().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theQuartersAreTheFourThatEndedOnOrBeforeTheDayEarliestFirst() {
        assertThat(Quarter.endedBy(d("2026-06-15"), 4)).extracting(Quarter::label)
                .containsExactly("2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1");
        // on a quarter's last day, that quarter is the latest; on the day before, it is not yet
        assertThat(Quarter.endedBy(d("2026-03-31"), 4)).extracting(Quarter::label)
                .containsExactly("2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1");
        assertThat(Quarter.endedBy(d("2026-03-30"), 4)).extracting(Quarter::label)
                .containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
        assertThat(Quarter.endedBy(d("2026-04-01"), 1)).containsExactly(new Quarter("2026-Q1", d("2026-01-01"), d("2026-03-31")));
        assertThat(Quarter.of(d("2024-02-29"))).isEqualTo(new Quarter("2024-Q1", d("2024-01-01"), d("2024-03-31")));
        assertThat(Quarter.of(d("2025-12-31"))).isEqualTo(new Quarter("2025-Q4", d("2025-10-01"), d("2025-12-31")));
        assertThat(card().trends().orElseThrow().quarters()).extracting(Quarter::end)
                .containsExactly(d("2025-06-30"), d("2025-09-30"), d("2025-12-31"), d("2026-03-31"));
    }

    @Test
    void withoutTrendsThereAreNone() {
        ReportCardBuilder builder = new ReportCardBuilder(AS_OF, ENGINE.policy(), ENGINE.playbook(), TEAMS);
        assertThat(builder.add(m(), ENGINE.assess(m(), AS_OF)).build().trends()).isEmpty();
    }

    @Test
    void trendsAreAskedForBeforeTheFirstCustomer() {
        ReportCardBuilder builder = new ReportCardBuilder(AS_OF, ENGINE.policy(), ENGINE.playbook(), TEAMS);
        builder.add(m(), ENGINE.assess(m(), AS_OF));
        assertThatThrownBy(() -> builder.trends(ENGINE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before the first customer");
    }

    @Test
    void quartersWorkedOutAheadAddUpToTheSameCardAndBelongToTheirCustomer() {
        ReportCardBuilder builder = new ReportCardBuilder(AS_OF, ENGINE.policy(), ENGINE.playbook(), TEAMS).trends(ENGINE);
        for (CustomerSnapshot c : List.of(m(), n(), p(), empty())) {
            ReportCardBuilder.QuarterFigures ahead = builder.quarters(c);
            builder.add(c, ENGINE.assess(c, AS_OF), ahead);
        }
        assertThat(builder.build()).usingRecursiveComparison().isEqualTo(card());

        ReportCardBuilder.QuarterFigures ofN = builder.quarters(n());
        assertThatThrownBy(() -> builder.add(m(), ENGINE.assess(m(), AS_OF), ofN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the quarters of customer N (4) are not those of customer M for 4 quarters");
        ReportCardBuilder.QuarterFigures none = new ReportCardBuilder(AS_OF, ENGINE.policy(), ENGINE.playbook(), TEAMS).quarters(m());
        assertThatThrownBy(() -> builder.add(m(), ENGINE.assess(m(), AS_OF), none)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the quarters of customer M (0) are not those of customer M for 4 quarters");
    }

    @Test
    void aCustomerWhoseIntroductionsComeInDifferentQuartersCountsInEachOfThem() {
        List<Scorecard> q = owner(card(), "rep-a").quarters();

        Scorecard q2 = q.get(0);
        assertThat(q2.asks()).isEqualTo(1);
        assertThat(q2.introductions()).isEqualTo(1);
        assertThat(q2.introductionsConfirmed()).isEqualTo(1);
        assertThat(q2.bareContacts()).isZero();
        assertThat(q2.followUpsOnTime()).isEqualTo(1);
        assertThat(q2.followUpsMissed() + q2.followUpsLate() + q2.followUpsPending()).isZero();
        assertThat(q2.referredSales()).isZero();

        Scorecard q3 = q.get(1);
        assertThat(List.of(q3.asks(), q3.introductions(), q3.bareContacts(), q3.followUpsOnTime())).containsOnly(0L);
        assertThat(q3.customers()).isEqualTo(1);

        Scorecard q4 = q.get(2);
        assertThat(q4.asks()).isEqualTo(1);
        assertThat(q4.bareContacts()).isEqualTo(1);
        assertThat(q4.introductions()).isZero();
        assertThat(q4.referralsReceived()).isEqualTo(1);

        Scorecard q1 = q.get(3);
        assertThat(q1.asks()).isEqualTo(1);
        assertThat(q1.introductions()).isEqualTo(1);
        assertThat(q1.introductionsConfirmed()).as("confirmed on 04-02, after the quarter").isZero();
        assertThat(q1.referredSales()).isEqualTo(1);
        assertThat(q1.followUpsMissed()).as("the referrer never thanked").isEqualTo(1);
        assertThat(q1.followUpsOnTime()).as("the status report").isEqualTo(1);
        assertThat(q1.followUpsPending()).as("the gift, due 04-04, given 04-02").isEqualTo(1);
        assertThat(q1.followUpsLate()).isZero();
        assertThat(q1.grade()).isEmpty();

        // the look-back year as of 2026-06-15 (from 2025-06-15) leaves out M-I1 and knows M-I2's confirmation and gift
        Scorecard year = card().owners().get(0);
        assertThat(year.introductions()).isEqualTo(1);
        assertThat(year.introductionsConfirmed()).isEqualTo(1);
        assertThat(year.followUpsOnTime()).isEqualTo(2);
        assertThat(year.followUpsPending()).isZero();
    }

    @Test
    void anIntroductionOnAQuartersLastDayCountsInThatQuarter() {
        List<Scorecard> q = owner(card(), "rep-b").quarters();

        assertThat(q).extracting(Scorecard::introductions).containsExactly(0L, 1L, 0L, 2L);
        assertThat(q).extracting(Scorecard::asks).containsExactly(0L, 1L, 0L, 1L);
    }

    @Test
    void aFactAfterAQuartersEndNeverCountsInThatQuarter() {
        // M as known on 2026-03-31: no confirmation of M-I2, no gift, nothing later
        CustomerSnapshot known = mBefore(null).build();
        CustomerSnapshot later = mBefore(d("2026-04-02"))
                .add(new FollowUp("M-F4", d("2026-04-02"), "M-I2", FollowUpType.THANK_YOU_GIFT))
                .add(new FollowUp("M-F5", d("2026-04-01"), "M-I2", FollowUpType.THANK_REFERRER))
                .add(new ReferralAsk("M-A4", d("2026-04-01"), AskType.INTRODUCTION))
                .add(new Introduction("M-I4", d("2026-04-01"), "M-A4", "P-9", IntroductionChannel.CALL, d("2026-04-01"), null))
                .add(new Complaint("M-C1", d("2026-04-01"), null))
                .build();

        Trend asKnown = owner(card(List.of(known)), "rep-a");
        Trend withLater = owner(card(List.of(later)), "rep-a");

        assertThat(withLater.quarters()).usingRecursiveFieldByFieldElementComparator().isEqualTo(asKnown.quarters());
        // the later facts do count in the card as of 2026-06-15
        assertThat(card(List.of(later)).book().introductions()).isEqualTo(card(List.of(known)).book().introductions() + 1);
    }

    @Test
    void eachQuartersStagesAreThoseAsOfItsEndOnTheFactsKnownThen() {
        Trend p = owner(card(), "rep-d");

        // no sale yet at the end of 2025-Q2 and Q3; sold in Q4
        assertThat(p.quarters().get(0).stages()).containsEntry(Stage.NO_RELATIONSHIP, 1L);
        assertThat(p.quarters().get(1).stages()).containsEntry(Stage.NO_RELATIONSHIP, 1L);
        for (int i = 0; i < 4; i++) {
            LocalDate end = card().trends().orElseThrow().quarters().get(i).end();
            Stage then = ENGINE.assess(p().asKnownOn(end), end).stage();
            assertThat(p.quarters().get(i).stages()).as("quarter ending " + end).containsEntry(then, 1L);
        }
        assertThat(p.quarters().get(2).stages()).doesNotContainEntry(Stage.NO_RELATIONSHIP, 1L);
    }

    @Test
    void aWarningCountsInTheQuarterOfItsAskOnly() {
        Trend p = owner(card(), "rep-d");
        // the assessment as of 2026-03-31 still warns about the ask of 2025-12-05
        assertThat(ENGINE.assess(p(), d("2026-03-31")).warnings(WarningType.PREMATURE_ASK)).isNotEmpty();

        assertThat(p.quarters()).extracting(Scorecard::prematureAsks).containsExactly(0L, 0L, 1L, 0L);
        assertThat(p.quarters()).extracting(Scorecard::badAsks).containsExactly(0L, 0L, 1L, 0L);
    }

    @Test
    void theChangePerOwnerIsTheLatestQuarterLessTheEarliestAndQuarterByQuarter() {
        Trend repA = owner(card(), "rep-a");
        Trend repB = owner(card(), "rep-b");
        Trend repC = owner(card(), "rep-c");

        // rep-a: referrals received 1, 0, 1, 1; on-time share 100%, 100%, 100%, 50% (1 on time, 1 missed)
        assertThat(repA.change()).containsEntry(Figure.REFERRALS_RECEIVED, 0.0).containsEntry(Figure.INTRODUCTIONS, 0.0)
                .containsEntry(Figure.REFERRED_SALES, 1.0).containsEntry(Figure.FOLLOW_UPS_ON_TIME_SHARE, -0.5)
                .containsEntry(Figure.INTRODUCTIONS_CONFIRMED, -1.0);
        assertThat(repA.changePerQuarter()).extracting(step -> step.get(Figure.REFERRALS_RECEIVED))
                .containsExactly(-1.0, 1.0, 0.0);
        // rep-b: introductions 0, 1, 0, 2
        assertThat(repB.change()).containsEntry(Figure.INTRODUCTIONS, 2.0).containsEntry(Figure.CUSTOMERS, 0.0);
        assertThat(repB.changePerQuarter()).extracting(step -> step.get(Figure.INTRODUCTIONS)).containsExactly(1.0, -1.0, 2.0);
        // rep-c: nothing ever
        assertThat(repC.change().values()).containsOnly(0.0);
        assertThat(repA.change()).containsOnlyKeys(Figure.values());
    }

    @Test
    void teamsSumTheirOwnersQuarterByQuarterAndTheBookSumsEveryone() {
        Trends trends = card().trends().orElseThrow();

        assertThat(trends.teams()).extracting(Trend::name).containsExactly("North", "South");
        assertThat(trends.owners()).extracting(Trend::name).containsExactly("rep-a", "rep-b", "rep-c", "rep-d");
        Trend south = trends.teams().get(1);
        assertThat(south.scope()).isEqualTo("team");
        // South = rep-b (N) + rep-d (P): introductions 0+0, 1+0, 0+0, 2+0; asks 0, 1, 1, 1
        assertThat(south.quarters()).extracting(Scorecard::introductions).containsExactly(0L, 1L, 0L, 2L);
        assertThat(south.quarters()).extracting(Scorecard::asks).containsExactly(0L, 1L, 1L, 1L);
        assertThat(south.quarters()).extracting(Scorecard::customers).containsOnly(2L);
        assertThat(south.change()).containsEntry(Figure.BAD_ASKS, 0.0).containsEntry(Figure.ASKS, 1.0);
        assertThat(south.changePerQuarter()).extracting(step -> step.get(Figure.BAD_ASKS)).containsExactly(0.0, 1.0, -1.0);
        Trend north = trends.teams().get(0);
        assertThat(north.quarters()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("scope", "name")
                .isEqualTo(owner(card(), "rep-a").quarters());

        Trend book = trends.book();
        assertThat(book.scope()).isEqualTo("book");
        assertThat(book.quarters()).extracting(Scorecard::customers).containsOnly(4L);
        // introductions: M 1, 0, 0, 1; N 0, 1, 0, 2
        assertThat(book.quarters()).extracting(Scorecard::introductions).containsExactly(1L, 1L, 0L, 3L);
        assertThat(book.change()).containsEntry(Figure.INTRODUCTIONS, 2.0);
    }
}
