package io.referralrules.api;

import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.ExtraValue;
import io.referralrules.api.facts.Fact;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FeedbackSignal;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.IndustryEvent;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class CustomerSnapshotAsKnownOnTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final LocalDate NEXT = DAY.plusDays(1);
    private static final Customer CUSTOMER = new Customer("C-1", CustomerType.BUSINESS, "rep-1", "Acme",
            Map.of("team", "north"));

    /** One fact of each kind that stands alone (no reference to another fact), dated {@code date}. */
    static Stream<Function<LocalDate, Fact>> standaloneKinds() {
        return Stream.of(
                d -> new Sale("S-1", d, BigDecimal.TEN, "late deliveries"),
                d -> new ServiceInteraction("SI-1", d, 5, IssueStatus.RESOLVED),
                d -> new ProactiveAction("PA-1", d, "called first"),
                d -> new ExtraValue("EV-1", d, "free audit"),
                d -> new ReferralGiven("RG-1", d, "a lead"),
                d -> new SocialTouch("ST-1", d, "lunch"),
                d -> new IndustryEvent("IE-1", d, "trade fair"),
                d -> new PositioningConversation("PC-1", d),
                d -> new FeedbackAnswer("FA-1", d, "how are we doing?", FeedbackSignal.GREEN_LIGHT),
                d -> new SurveyScore("SS-1", d, SurveyType.NPS, 9),
                d -> new Complaint("CO-1", d, null),
                d -> new ReferralAsk("A-1", d, AskType.INTRODUCTION),
                d -> new Introduction("I-1", d, null, "P-1", IntroductionChannel.CALL, null, null));
    }

    @ParameterizedTest
    @MethodSource("standaloneKinds")
    void aFactDatedOnTheDayIsKnownAndOneDatedTheDayAfterIsNot(Function<LocalDate, Fact> kind) {
        Fact onTheDay = kind.apply(DAY);
        Fact dayAfter = kind.apply(NEXT);
        CustomerSnapshot known = CustomerSnapshot.builder(CUSTOMER).add(onTheDay).build();
        CustomerSnapshot later = CustomerSnapshot.builder(CUSTOMER).add(dayAfter).build();

        assertThat(known.asKnownOn(DAY).facts()).containsExactly(onTheDay);
        assertThat(later.asKnownOn(DAY).facts()).isEmpty();
        assertThat(later.asKnownOn(NEXT).facts()).containsExactly(dayAfter);
    }

    @Test
    void aFollowUpAfterTheDayIsLeftOutAndTheIntroductionKept() {
        Introduction intro = new Introduction("I-1", DAY, null, "P-1", IntroductionChannel.CALL, null, null);
        FollowUp onTheDay = new FollowUp("F-1", DAY, "I-1", FollowUpType.THANK_REFERRER);
        FollowUp later = new FollowUp("F-2", NEXT, "I-1", FollowUpType.STATUS_REPORT);
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).add(intro).add(onTheDay).add(later).build();

        CustomerSnapshot then = s.asKnownOn(DAY);

        assertThat(then.introductions()).containsExactly(intro);
        assertThat(then.followUps()).containsExactly(onTheDay);
    }

    @Test
    void aReferredSaleAfterTheDayIsLeftOut() {
        Introduction intro = new Introduction("I-1", DAY.minusDays(10), null, "P-1", IntroductionChannel.CALL, null, null);
        ReferredSale onTheDay = new ReferredSale("RS-1", DAY, "I-1", BigDecimal.ONE);
        ReferredSale later = new ReferredSale("RS-2", NEXT, "I-1", BigDecimal.TEN);
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).add(intro).add(onTheDay).add(later).build();

        assertThat(s.asKnownOn(DAY).referredSales()).containsExactly(onTheDay);
    }

    @Test
    void anIntroductionConfirmedAfterTheDayIsUnconfirmedThen() {
        Introduction intro = new Introduction("I-1", DAY.minusDays(3), null, "P-1", IntroductionChannel.EMAIL, NEXT, null);
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).add(intro).build();

        assertThat(s.asKnownOn(DAY).introductions()).containsExactly(
                new Introduction("I-1", DAY.minusDays(3), null, "P-1", IntroductionChannel.EMAIL, null, null));
        assertThat(s.asKnownOn(NEXT).introductions()).containsExactly(intro);
    }

    @Test
    void anIntroductionWhoseProspectWasContactedAfterTheDayIsNotContactedThen() {
        Introduction intro = new Introduction("I-1", DAY.minusDays(3), null, "P-1", IntroductionChannel.MEETING, DAY, NEXT);
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).add(intro).build();

        assertThat(s.asKnownOn(DAY).introductions()).containsExactly(
                new Introduction("I-1", DAY.minusDays(3), null, "P-1", IntroductionChannel.MEETING, DAY, null));
    }

    @Test
    void aComplaintResolvedAfterTheDayIsOpenThen() {
        Complaint complaint = new Complaint("CO-1", DAY.minusDays(5), NEXT);
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).add(complaint).build();

        assertThat(s.asKnownOn(DAY).complaints()).containsExactly(new Complaint("CO-1", DAY.minusDays(5), null));
        assertThat(s.asKnownOn(NEXT).complaints()).containsExactly(complaint);
    }

    @Test
    void aComplaintResolvedOnTheDayIsResolvedThen() {
        Complaint complaint = new Complaint("CO-1", DAY.minusDays(5), DAY);
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).add(complaint).build();

        assertThat(s.asKnownOn(DAY)).isSameAs(s);
    }

    @Test
    void anIntroductionAnsweringALaterAskKeepsNoAskIdThen() {
        // contradictory history (the introduction before its ask): the result stays a valid snapshot
        ReferralAsk ask = new ReferralAsk("A-1", NEXT, AskType.INTRODUCTION);
        Introduction intro = new Introduction("I-1", DAY, "A-1", "P-1", IntroductionChannel.CALL, null, null);
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).add(ask).add(intro).build();

        CustomerSnapshot then = s.asKnownOn(DAY);

        assertThat(then.asks()).isEmpty();
        assertThat(then.introductions()).containsExactly(
                new Introduction("I-1", DAY, null, "P-1", IntroductionChannel.CALL, null, null));
    }

    @Test
    void aFollowUpOrReferredSaleOfALaterIntroductionIsLeftOutWithIt() {
        // contradictory history (follow-up and referred sale before their introduction)
        Introduction intro = new Introduction("I-1", NEXT, null, "P-1", IntroductionChannel.CALL, null, null);
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).add(intro)
                .add(new FollowUp("F-1", DAY, "I-1", FollowUpType.THANK_REFERRER))
                .add(new ReferredSale("RS-1", DAY, "I-1", BigDecimal.ONE)).build();

        assertThat(s.asKnownOn(DAY).facts()).isEmpty();
    }

    @Test
    void theCustomerIsKeptAndTheAnswerIsAValidSnapshotOfTheKeptFacts() {
        Sale early = new Sale("S-1", DAY.minusDays(30), BigDecimal.TEN, null);
        ReferralAsk ask = new ReferralAsk("A-1", DAY, AskType.INTRODUCTION);
        Introduction intro = new Introduction("I-1", NEXT, "A-1", "P-1", IntroductionChannel.CALL, NEXT, null);
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).add(early).add(ask).add(intro)
                .add(new Sale("S-2", NEXT, BigDecimal.ONE, null)).build();

        CustomerSnapshot then = s.asKnownOn(DAY);

        assertThat(then).isEqualTo(CustomerSnapshot.builder(CUSTOMER).add(early).add(ask).build());
        assertThat(then.customer()).isSameAs(CUSTOMER);
    }

    @Test
    void nothingAfterTheDayGivesTheSameSnapshot() {
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER)
                .add(new Sale("S-1", DAY, BigDecimal.TEN, null))
                .add(new Introduction("I-1", DAY, null, "P-1", IntroductionChannel.CALL, DAY, DAY)).build();

        assertThat(s.asKnownOn(DAY)).isSameAs(s);
        assertThat(s.asKnownOn(LocalDate.of(2030, 1, 1))).isSameAs(s);
    }

    @Test
    void theSnapshotItselfIsNeverChanged() {
        List<Fact> facts = List.of(new Sale("S-1", DAY, BigDecimal.TEN, null), new Sale("S-2", NEXT, BigDecimal.ONE, null),
                new Complaint("CO-1", DAY, NEXT),
                new Introduction("I-1", DAY, null, "P-1", IntroductionChannel.CALL, NEXT, NEXT));
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).addAll(facts).build();
        CustomerSnapshot copy = CustomerSnapshot.builder(CUSTOMER).addAll(facts).build();

        s.asKnownOn(DAY.minusDays(1));
        s.asKnownOn(DAY);

        assertThat(s).isEqualTo(copy);
    }

    @Test
    void aNullDayIsRejected() {
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).build();

        assertThatNullPointerException().isThrownBy(() -> s.asKnownOn(null)).withMessage("day");
    }
}
