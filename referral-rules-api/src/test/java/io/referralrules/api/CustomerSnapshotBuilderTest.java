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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The snapshot builder sorts each fact into the list of its kind, and the snapshot accepts references that resolve
 * (an introduction of a known ask, or of no ask; follow-ups and referred sales of a known introduction).
 */
@DisplayName("CustomerSnapshot: every kind of fact in its own list, references that resolve")
class CustomerSnapshotBuilderTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final Customer CUSTOMER = new Customer("C-1", CustomerType.BUSINESS, "rep-1", null);

    private static final Sale SALE = new Sale("S-1", DAY, BigDecimal.TEN, null);
    private static final ServiceInteraction SERVICE = new ServiceInteraction("SI-1", DAY, 5, IssueStatus.RESOLVED);
    private static final ProactiveAction PROACTIVE = new ProactiveAction("PA-1", DAY, null);
    private static final ExtraValue EXTRA = new ExtraValue("EV-1", DAY, null);
    private static final ReferralGiven GIVEN = new ReferralGiven("RG-1", DAY, null);
    private static final SocialTouch TOUCH = new SocialTouch("ST-1", DAY, null);
    private static final IndustryEvent EVENT = new IndustryEvent("IE-1", DAY, "Expo");
    private static final PositioningConversation POSITIONING = new PositioningConversation("PC-1", DAY);
    private static final FeedbackAnswer FEEDBACK = new FeedbackAnswer("FA-1", DAY, null, FeedbackSignal.GREEN_LIGHT);
    private static final SurveyScore SCORE = new SurveyScore("NPS-1", DAY, SurveyType.NPS, 10);
    private static final Complaint COMPLAINT = new Complaint("CP-1", DAY, null);
    private static final ReferralAsk ASK = new ReferralAsk("A-1", DAY, AskType.INTRODUCTION);
    private static final Introduction INTRODUCTION = new Introduction("I-1", DAY, "A-1", "P-1", IntroductionChannel.EMAIL, null, null);
    private static final FollowUp FOLLOW_UP = new FollowUp("F-1", DAY, "I-1", FollowUpType.THANK_REFERRER);
    private static final ReferredSale REFERRED = new ReferredSale("RS-1", DAY, "I-1", BigDecimal.ONE);

    @Test
    void eachKindOfFactLandsInItsOwnList() {
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER)
                .addAll(List.<Fact>of(REFERRED, FOLLOW_UP, INTRODUCTION, ASK, COMPLAINT, SCORE, FEEDBACK, POSITIONING,
                        EVENT, TOUCH, GIVEN, EXTRA, PROACTIVE, SERVICE, SALE))
                .build();

        assertThat(s.customer()).isEqualTo(CUSTOMER);
        assertThat(s.sales()).containsExactly(SALE);
        assertThat(s.serviceInteractions()).containsExactly(SERVICE);
        assertThat(s.proactiveActions()).containsExactly(PROACTIVE);
        assertThat(s.extraValues()).containsExactly(EXTRA);
        assertThat(s.referralsGiven()).containsExactly(GIVEN);
        assertThat(s.socialTouches()).containsExactly(TOUCH);
        assertThat(s.industryEvents()).containsExactly(EVENT);
        assertThat(s.positioningConversations()).containsExactly(POSITIONING);
        assertThat(s.feedbackAnswers()).containsExactly(FEEDBACK);
        assertThat(s.surveyScores()).containsExactly(SCORE);
        assertThat(s.complaints()).containsExactly(COMPLAINT);
        assertThat(s.asks()).containsExactly(ASK);
        assertThat(s.introductions()).containsExactly(INTRODUCTION);
        assertThat(s.followUps()).containsExactly(FOLLOW_UP);
        assertThat(s.referredSales()).containsExactly(REFERRED);
        // facts() walks the kinds in the record's order, whatever order they were added in
        assertThat(s.facts()).containsExactly(SALE, SERVICE, PROACTIVE, EXTRA, GIVEN, TOUCH, EVENT, POSITIONING, FEEDBACK,
                SCORE, COMPLAINT, ASK, INTRODUCTION, FOLLOW_UP, REFERRED);
    }

    @Test
    void anIntroductionThatCameUnaskedNeedsNoAsk() {
        Introduction unasked = new Introduction("I-9", DAY, null, "P-9", IntroductionChannel.MEETING, null, null);

        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).add(unasked).build();

        assertThat(s.introductions()).containsExactly(unasked);
    }

    @Test
    void followUpsAndReferredSalesOfAKnownIntroductionAreAccepted() {
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).add(ASK).add(INTRODUCTION).add(FOLLOW_UP).add(REFERRED).build();

        assertThat(s.followUps()).containsExactly(FOLLOW_UP);
        assertThat(s.referredSales()).containsExactly(REFERRED);
    }

    @Test
    void aSnapshotWithoutACustomerIsRejectedByField() {
        assertThatThrownBy(() -> new CustomerSnapshot(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e).hasMessage("CustomerSnapshot.customer must not be null");
                    assertThat(e.path()).isEqualTo("customer");
                });
    }

    @Test
    void aDuplicateIdOfSixtyFourCharactersIsQuotedWholeAndALongerOneIsCut() {
        String sixtyFour = "S".repeat(64);
        String sixtyFive = "S".repeat(65);

        assertThatThrownBy(() -> CustomerSnapshot.builder(CUSTOMER)
                .add(new Sale(sixtyFour, DAY, BigDecimal.ONE, null)).add(new Sale(sixtyFour, DAY, BigDecimal.ONE, null)).build())
                .hasMessage("CustomerSnapshot.sales[1].id duplicates '" + sixtyFour + "' of sales[0]");
        assertThatThrownBy(() -> CustomerSnapshot.builder(CUSTOMER)
                .add(new Sale(sixtyFive, DAY, BigDecimal.ONE, null)).add(new Sale(sixtyFive, DAY, BigDecimal.ONE, null)).build())
                .hasMessage("CustomerSnapshot.sales[1].id duplicates '" + sixtyFour + "... (65 characters)' of sales[0]");
    }

    @Test
    void theTooManyFactsRejectionHasTheWholeSnapshotAsItsPath() {
        List<Fact> facts = new java.util.ArrayList<>();
        for (int i = 0; i <= Limits.MAX_FACTS_PER_CUSTOMER; i++) {
            facts.add(new SocialTouch("ST-" + i, DAY, null));
        }

        assertThatThrownBy(() -> CustomerSnapshot.builder(CUSTOMER).addAll(facts).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.path()).isEmpty();
                    assertThat(e.problem()).isEqualTo("has 100001 facts, at most 100000 per customer (id=C-1)");
                });
    }
}
