package io.referralrules.engine.internal;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferralGiven;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.SocialTouch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot as it stood on the assessment day: what happened later has not happened yet (facts, resolutions,
 * confirmations, contacts), the latest and first sale are worked out once, and the windows start where the policy says.
 */
@DisplayName("Subject: the customer's facts as they stood on the assessment day")
class SubjectTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final Customer CUSTOMER = new Customer("C-1", CustomerType.BUSINESS, "rep-1", null);
    private static final ReadinessPolicy POLICY = ReadinessPolicy.defaults();

    private static Sale sale(String id, LocalDate date) {
        return new Sale(id, date, BigDecimal.TEN, null);
    }

    @Test
    void factsDatedAfterTheDayHaveNotHappenedYetAndTheDayItselfCounts() {
        Sale today = sale("S-1", DAY);
        Sale tomorrow = sale("S-2", DAY.plusDays(1));
        SocialTouch touch = new SocialTouch("ST-1", DAY.plusDays(3), null);
        CustomerSnapshot snapshot = CustomerSnapshot.builder(CUSTOMER).add(tomorrow).add(today).add(touch).build();

        Subject s = Subject.of(snapshot, DAY, POLICY);

        assertThat(s.sales()).containsExactly(today);
        assertThat(s.socialTouches()).isEmpty();
        assertThat(s.factCount()).isEqualTo(1);
        assertThat(s.facts()).containsExactly(CUSTOMER, today);
    }

    @Test
    void listsWithNothingLaterAreTheSnapshotsOwn() {
        CustomerSnapshot snapshot = CustomerSnapshot.builder(CUSTOMER).add(sale("S-1", DAY.minusDays(3)))
                .add(new ReferralAsk("A-1", DAY.minusDays(1), AskType.INTRODUCTION))
                .add(new Introduction("I-1", DAY.minusDays(1), "A-1", "P-1", IntroductionChannel.EMAIL, DAY, DAY))
                .add(new Complaint("CP-1", DAY.minusDays(9), DAY.minusDays(2))).add(new Complaint("CP-2", DAY, null)).build();

        Subject s = Subject.of(snapshot, DAY, POLICY);

        assertThat(s.sales()).isSameAs(snapshot.sales());
        assertThat(s.asks()).isSameAs(snapshot.asks());
        assertThat(s.introductions()).isSameAs(snapshot.introductions());
        assertThat(s.complaints()).isSameAs(snapshot.complaints());
    }

    @Test
    void everyKindOfFactCountsOnce() {
        ReferralAsk ask = new ReferralAsk("A-1", DAY.minusDays(9), AskType.INTRODUCTION);
        Introduction introduction = new Introduction("I-1", DAY.minusDays(8), "A-1", "P-1", IntroductionChannel.EMAIL, null, null);
        CustomerSnapshot snapshot = CustomerSnapshot.builder(CUSTOMER)
                .add(sale("S-1", DAY.minusDays(20))).add(sale("S-2", DAY.minusDays(19)))
                .add(new io.referralrules.api.facts.ServiceInteraction("SI-1", DAY.minusDays(18), 5,
                        io.referralrules.api.facts.IssueStatus.RESOLVED))
                .add(new io.referralrules.api.facts.ProactiveAction("PA-1", DAY.minusDays(17), null))
                .add(new io.referralrules.api.facts.ExtraValue("EV-1", DAY.minusDays(16), null))
                .add(new ReferralGiven("RG-1", DAY.minusDays(15), null))
                .add(new SocialTouch("ST-1", DAY.minusDays(14), null))
                .add(new io.referralrules.api.facts.IndustryEvent("IE-1", DAY.minusDays(13), "Expo"))
                .add(new io.referralrules.api.facts.PositioningConversation("PC-1", DAY.minusDays(12)))
                .add(new io.referralrules.api.facts.FeedbackAnswer("FA-1", DAY.minusDays(11), null,
                        io.referralrules.api.facts.FeedbackSignal.NEUTRAL))
                .add(new io.referralrules.api.facts.SurveyScore("NPS-1", DAY.minusDays(10), io.referralrules.api.facts.SurveyType.NPS, 8))
                .add(new Complaint("CP-1", DAY.minusDays(10), null))
                .add(ask).add(introduction)
                .add(new FollowUp("F-1", DAY.minusDays(7), "I-1", FollowUpType.THANK_REFERRER))
                .add(new ReferredSale("RS-1", DAY.minusDays(6), "I-1", BigDecimal.ONE))
                .build();

        Subject s = Subject.of(snapshot, DAY, POLICY);

        assertThat(s.factCount()).isEqualTo(16);
        assertThat(s.facts()).hasSize(17).startsWith(CUSTOMER);
    }

    @Test
    void aComplaintResolvedLaterWasStillOpenOnTheDay() {
        Complaint resolvedLater = new Complaint("CP-1", DAY.minusDays(5), DAY.plusDays(2));
        Complaint resolvedToday = new Complaint("CP-2", DAY.minusDays(5), DAY);

        Subject s = Subject.of(CustomerSnapshot.builder(CUSTOMER).add(resolvedLater).add(resolvedToday).build(), DAY, POLICY);

        assertThat(s.complaints()).containsExactly(new Complaint("CP-1", DAY.minusDays(5), null), resolvedToday);
    }

    @Test
    void anIntroductionConfirmedOrFollowedUpLaterWasNotYetOnTheDay() {
        ReferralAsk ask = new ReferralAsk("A-1", DAY.minusDays(10), AskType.INTRODUCTION);
        Introduction confirmedLater = new Introduction("I-1", DAY.minusDays(9), "A-1", "P-1", IntroductionChannel.EMAIL,
                DAY.plusDays(1), DAY.minusDays(2));
        Introduction contactedLater = new Introduction("I-2", DAY.minusDays(9), null, "P-2", IntroductionChannel.CALL,
                DAY, DAY.plusDays(4));
        Introduction settled = new Introduction("I-3", DAY.minusDays(9), null, "P-3", IntroductionChannel.CALL,
                DAY.minusDays(8), DAY.minusDays(7));
        Introduction agreedLater = new Introduction("I-4", DAY.plusDays(1), null, "P-4", IntroductionChannel.CALL, null, null);
        FollowUp thanked = new FollowUp("F-1", DAY.minusDays(1), "I-1", FollowUpType.THANK_REFERRER);
        FollowUp thankedLater = new FollowUp("F-2", DAY.plusDays(1), "I-2", FollowUpType.THANK_REFERRER);
        ReferredSale boughtLater = new ReferredSale("RS-1", DAY.plusDays(1), "I-3", BigDecimal.ONE);
        CustomerSnapshot snapshot = CustomerSnapshot.builder(CUSTOMER).add(ask).add(confirmedLater).add(contactedLater).add(settled)
                .add(agreedLater).add(thanked).add(thankedLater).add(boughtLater).build();

        Subject s = Subject.of(snapshot, DAY, POLICY);

        assertThat(s.introductions()).containsExactly(
                new Introduction("I-1", DAY.minusDays(9), "A-1", "P-1", IntroductionChannel.EMAIL, null, DAY.minusDays(2)),
                new Introduction("I-2", DAY.minusDays(9), null, "P-2", IntroductionChannel.CALL, DAY, null),
                settled);
        assertThat(s.followUps()).containsExactly(thanked);
        assertThat(s.referredSales()).isEmpty();
        assertThat(s.index().followUp("I-1", FollowUpType.THANK_REFERRER)).containsExactly(thanked);
        assertThat(s.index().followUp("I-2", FollowUpType.THANK_REFERRER)).isEmpty();
    }

    @Test
    void theLatestSaleIsTheLastToCloseWithTheGreatestIdOnATieAndTheFirstIsTheEarliest() {
        Sale first = sale("S-9", DAY.minusDays(40));
        Sale lateA = sale("S-2", DAY.minusDays(3));
        Sale lateB = sale("S-3", DAY.minusDays(3));
        Sale middle = sale("S-5", DAY.minusDays(20));
        CustomerSnapshot snapshot = CustomerSnapshot.builder(CUSTOMER).add(lateB).add(middle).add(first).add(lateA).build();

        Subject s = Subject.of(snapshot, DAY, POLICY);

        assertThat(s.latestSale()).isEqualTo(lateB);
        assertThat(s.firstSaleDate()).isEqualTo(DAY.minusDays(40));
        assertThat(s.hasSale()).isTrue();
        assertThat(Subject.of(CustomerSnapshot.builder(CUSTOMER).add(lateA).add(lateB).build(), DAY, POLICY).latestSale()).isEqualTo(lateB);
        assertThat(Subject.of(CustomerSnapshot.builder(CUSTOMER).add(lateB).add(lateA).build(), DAY, POLICY).latestSale()).isEqualTo(lateB);
    }

    @Test
    void aCustomerWithoutASaleOnTheDayHasNoneEvenIfOneClosesLater() {
        Subject s = Subject.of(CustomerSnapshot.builder(CUSTOMER).add(sale("S-1", DAY.plusDays(1))).build(), DAY, POLICY);

        assertThat(s.hasSale()).isFalse();
        assertThat(s.latestSale()).isNull();
        assertThat(s.firstSaleDate()).isNull();
    }

    @Test
    void theWindowsStartWhereThePolicySays() {
        ReadinessPolicy p = POLICY.toBuilder().lookbackDays(300).feedbackWindowDays(80).positioningWindowDays(20)
                .momentumWindowDays(25).askCoolDownDays(60).introductionWaitDays(5).complaintVetoDays(15).build();

        Window w = Subject.of(CustomerSnapshot.builder(CUSTOMER).build(), DAY, p).window();

        assertThat(w).isEqualTo(new Window(DAY, p, DAY.minusDays(300), DAY.minusDays(80), DAY.minusDays(20), DAY.minusDays(25),
                DAY.minusDays(60), DAY.minusDays(5), DAY.minusDays(15)));
    }

    @Test
    void anotherDayIsAnotherSubjectWithTheSameFactsAndItsOwnWindow() {
        CustomerSnapshot snapshot = CustomerSnapshot.builder(CUSTOMER).add(sale("S-1", DAY.minusDays(3)))
                .add(new ReferralGiven("RG-1", DAY.minusDays(2), null)).build();
        Subject today = Subject.of(snapshot, DAY, POLICY);

        Subject later = today.on(DAY.plusDays(30));

        assertThat(later).isNotEqualTo(today);
        assertThat(later.hashCode()).isEqualTo(System.identityHashCode(later));
        assertThat(later.sales()).isSameAs(today.sales());
        assertThat(later.referralsGiven()).isSameAs(today.referralsGiven());
        assertThat(later.index()).isSameAs(today.index());
        assertThat(later.latestSale()).isEqualTo(today.latestSale());
        assertThat(later.window()).isEqualTo(Window.of(POLICY, DAY.plusDays(30)));
        assertThat(later.id()).isEqualTo("C-1");
        assertThat(later).hasToString("Subject[C-1]").isEqualTo(later);
    }
}
