package io.referralrules.api;

import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.IndustryEvent;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.IssueStatus;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.ServiceInteraction;
import io.referralrules.api.facts.SocialTouch;
import io.referralrules.api.facts.SurveyScore;
import io.referralrules.api.facts.SurveyType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** One named fixture per shape of impossible fact; each message names the record, the field and the value. */
class FactValidationTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    static Stream<Arguments> impossibleFacts() {
        return Stream.of(
                arguments("blank id", (ThrowingCallable) () -> new SocialTouch(" ", DAY, null),
                        "SocialTouch.id must not be blank, was ' '"),
                arguments("missing id", (ThrowingCallable) () -> new Sale(null, DAY, BigDecimal.ONE, null),
                        "Sale.id must not be blank, was null"),
                arguments("missing date", (ThrowingCallable) () -> new Sale("S-1", null, BigDecimal.ONE, null),
                        "Sale.date must not be null (id=S-1)"),
                arguments("negative amount", (ThrowingCallable) () -> new Sale("S-1", DAY, new BigDecimal("-5"), null),
                        "Sale.amount must not be negative, was -5 (id=S-1)"),
                arguments("rating above 5", (ThrowingCallable) () -> new ServiceInteraction("SI-1", DAY, 6, IssueStatus.OPEN),
                        "ServiceInteraction.satisfaction must be between 1 and 5, was 6 (id=SI-1)"),
                arguments("rating below 1", (ThrowingCallable) () -> new ServiceInteraction("SI-1", DAY, 0, IssueStatus.OPEN),
                        "ServiceInteraction.satisfaction must be between 1 and 5, was 0 (id=SI-1)"),
                arguments("missing status", (ThrowingCallable) () -> new ServiceInteraction("SI-1", DAY, 4, null),
                        "ServiceInteraction.status must not be null (id=SI-1)"),
                arguments("NPS above 10", (ThrowingCallable) () -> new SurveyScore("N-1", DAY, SurveyType.NPS, 11),
                        "SurveyScore.score must be between 0 and 10, was 11 (id=N-1)"),
                arguments("CSAT of 0", (ThrowingCallable) () -> new SurveyScore("N-1", DAY, SurveyType.CSAT, 0),
                        "SurveyScore.score must be between 1 and 5, was 0 (id=N-1)"),
                arguments("CES of 8", (ThrowingCallable) () -> new SurveyScore("N-1", DAY, SurveyType.CES, 8),
                        "SurveyScore.score must be between 1 and 7, was 8 (id=N-1)"),
                arguments("feedback without a signal", (ThrowingCallable) () -> new FeedbackAnswer("FA-1", DAY, "q", null),
                        "FeedbackAnswer.signal must not be null (id=FA-1)"),
                arguments("complaint resolved before opened", (ThrowingCallable) () -> new Complaint("CP-1", DAY, DAY.minusDays(1)),
                        "Complaint.resolvedOn must not be before date (2026-03-01), was 2026-02-28 (id=CP-1)"),
                arguments("ask without a type", (ThrowingCallable) () -> new ReferralAsk("A-1", DAY, null),
                        "ReferralAsk.type must not be null (id=A-1)"),
                arguments("introduction confirmed before agreed", (ThrowingCallable) () -> new Introduction("I-1", DAY, null, "P-1",
                        IntroductionChannel.CALL, DAY.minusDays(2), null),
                        "Introduction.confirmedOn must not be before date (2026-03-01), was 2026-02-27 (id=I-1)"),
                arguments("prospect contacted before the introduction", (ThrowingCallable) () -> new Introduction("I-1", DAY, null, "P-1",
                        IntroductionChannel.CALL, null, DAY.minusDays(1)),
                        "Introduction.prospectContactedOn must not be before date (2026-03-01), was 2026-02-28 (id=I-1)"),
                arguments("introduction without a prospect", (ThrowingCallable) () -> new Introduction("I-1", DAY, null, null,
                        IntroductionChannel.CALL, null, null),
                        "Introduction.prospectId must not be null (id=I-1)"),
                arguments("blank ask reference", (ThrowingCallable) () -> new Introduction("I-1", DAY, "", "P-1",
                        IntroductionChannel.CALL, null, null),
                        "Introduction.askId must be null or non-blank, was '' (id=I-1)"),
                arguments("follow-up without an introduction", (ThrowingCallable) () -> new FollowUp("F-1", DAY, null,
                        io.referralrules.api.facts.FollowUpType.THANK_REFERRER),
                        "FollowUp.introductionId must not be null (id=F-1)"),
                arguments("referred sale without an amount", (ThrowingCallable) () -> new ReferredSale("RS-1", DAY, "I-1", null),
                        "ReferredSale.amount must not be null (id=RS-1)"),
                arguments("customer without an owner", (ThrowingCallable) () -> new Customer("C-1", CustomerType.BUSINESS, null, null),
                        "Customer.ownerId must not be null (id=C-1)"),
                arguments("customer without a type", (ThrowingCallable) () -> new Customer("C-1", null, "rep-1", null),
                        "Customer.type must not be null (id=C-1)"),
                arguments("customer attributes missing", (ThrowingCallable) () -> new Customer("C-1", CustomerType.BUSINESS, "rep-1", null, null),
                        "Customer.attributes must not be null (use an empty map) (id=C-1)"),
                arguments("customer attribute with a blank key", (ThrowingCallable) () -> new Customer("C-1", CustomerType.BUSINESS, "rep-1", null,
                        java.util.Map.of(" ", "x")),
                        "Customer.attributes has a blank key ' ' (id=C-1)"),
                arguments("customer attribute without a value", (ThrowingCallable) () -> new Customer("C-1", CustomerType.BUSINESS, "rep-1", null,
                        nullValued("industry")),
                        "Customer.attributes.industry must not be null (id=C-1)"),
                arguments("industry event without a name", (ThrowingCallable) () -> new IndustryEvent("EV-1", DAY, null),
                        "IndustryEvent.name must not be null (id=EV-1)"),
                arguments("industry event with a blank name", (ThrowingCallable) () -> new IndustryEvent("EV-1", DAY, " "),
                        "IndustryEvent.name must not be blank (id=EV-1)"),
                arguments("industry event without a date", (ThrowingCallable) () -> new IndustryEvent("EV-1", null, "Expo"),
                        "IndustryEvent.date must not be null (id=EV-1)"),
                arguments("blank talk track", (ThrowingCallable) () -> new NextAction(ActionType.HOST_ACTION, DAY, 0, null,
                        new Reason("r", "f.drl", "m", java.util.List.of()), " ", java.util.List.of()),
                        "NextAction.talkTrack must be null or non-blank, was ' '"),
                arguments("playbook without a version", (ThrowingCallable) () -> new PlaybookRef("earned-trust", ""),
                        "PlaybookRef.version must not be blank, was '' (id=earned-trust)"));
    }

    private static java.util.Map<String, String> nullValued(String key) {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put(key, null);
        return map;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impossibleFacts")
    void impossibleFactsAreRejectedWithTheFieldAndValue(String shape, ThrowingCallable construct, String message) {
        assertThatIllegalArgumentException().isThrownBy(construct).withMessage(message);
    }

    @org.junit.jupiter.api.Test
    void askTypeIsKeptAsGiven() {
        org.assertj.core.api.Assertions.assertThat(new ReferralAsk("A-1", DAY, AskType.NAMES_ONLY).type()).isEqualTo(AskType.NAMES_ONLY);
    }
}
