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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Issue 15, defect 6 (the API's part): dates within 1900-2999 and policy day counts within 36,500, enforced by the API
 * so facts built in Java are checked too, and at most 100,000 facts per customer. The JSON reader's side (the same
 * checks reported with the JSON path) is the json module's {@code LimitsTest}.
 */
@DisplayName("Limits: dates 1900-2999, policy days at most 36,500, 100,000 facts per customer")
class LimitsTest {
    private static final LocalDate D = LocalDate.of(2026, 6, 5);
    private static final Customer CUSTOMER = new Customer("C-1", CustomerType.BUSINESS, "rep-1", null);

    static Stream<Arguments> datedFacts() {
        List<Arguments> all = new ArrayList<>();
        add(all, "Sale", "date", d -> new Sale("X-1", d, BigDecimal.TEN, null));
        add(all, "ServiceInteraction", "date", d -> new ServiceInteraction("X-1", d, 5, IssueStatus.RESOLVED));
        add(all, "ProactiveAction", "date", d -> new ProactiveAction("X-1", d, null));
        add(all, "ExtraValue", "date", d -> new ExtraValue("X-1", d, null));
        add(all, "ReferralGiven", "date", d -> new ReferralGiven("X-1", d, null));
        add(all, "SocialTouch", "date", d -> new SocialTouch("X-1", d, null));
        add(all, "IndustryEvent", "date", d -> new IndustryEvent("X-1", d, "forum"));
        add(all, "PositioningConversation", "date", d -> new PositioningConversation("X-1", d));
        add(all, "FeedbackAnswer", "date", d -> new FeedbackAnswer("X-1", d, null, FeedbackSignal.NEUTRAL));
        add(all, "SurveyScore", "date", d -> new SurveyScore("X-1", d, SurveyType.NPS, 9));
        add(all, "Complaint", "date", d -> new Complaint("X-1", d, null));
        add(all, "Complaint", "resolvedOn", d -> new Complaint("X-1", Limits.EARLIEST_DATE, d));
        add(all, "ReferralAsk", "date", d -> new ReferralAsk("X-1", d, AskType.INTRODUCTION));
        add(all, "Introduction", "date", d -> new Introduction("X-1", d, null, "P-1", IntroductionChannel.CALL, null, null));
        add(all, "Introduction", "confirmedOn", d -> new Introduction("X-1", Limits.EARLIEST_DATE, null, "P-1", IntroductionChannel.CALL, d, null));
        add(all, "Introduction", "prospectContactedOn", d -> new Introduction("X-1", Limits.EARLIEST_DATE, null, "P-1", IntroductionChannel.CALL, null, d));
        add(all, "FollowUp", "date", d -> new FollowUp("X-1", d, "I-1", FollowUpType.THANK_REFERRER));
        add(all, "ReferredSale", "date", d -> new ReferredSale("X-1", d, "I-1", BigDecimal.ONE));
        return all.stream();
    }

    private static void add(List<Arguments> all, String record, String field, Function<LocalDate, Fact> fact) {
        all.add(arguments(record + "." + field, fact));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datedFacts")
    void aFactDateOutsideTheRangeIsRejectedNamingRecordFieldIdAndDate(String field, Function<LocalDate, Fact> fact) {
        for (LocalDate outside : List.of(LocalDate.MIN, LocalDate.of(1, 1, 1), LocalDate.of(1899, 12, 31),
                LocalDate.of(3000, 1, 1), LocalDate.MAX)) {
            assertThatThrownBy(() -> fact.apply(outside))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(field + " must be between 1900-01-01 and 2999-12-31, was " + outside + " (id=X-1)");
        }
        assertThat(fact.apply(Limits.EARLIEST_DATE)).isNotNull();
        assertThat(fact.apply(Limits.LATEST_DATE)).isNotNull();
    }

    @Test
    void theRangeIsTheDocumentedOne() {
        assertThat(Limits.EARLIEST_DATE).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(Limits.LATEST_DATE).isEqualTo(LocalDate.of(2999, 12, 31));
        assertThat(Limits.MAX_POLICY_DAYS).isEqualTo(36_500);
        assertThat(Limits.MAX_FACTS_PER_CUSTOMER).isEqualTo(100_000);
        // the point of the bounds: no window added to a date in range leaves LocalDate's years
        assertThat(Limits.LATEST_DATE.plusDays(Limits.MAX_POLICY_DAYS).getYear()).isLessThan(3100);
        assertThat(Limits.EARLIEST_DATE.minusDays(Limits.MAX_POLICY_DAYS).getYear()).isGreaterThan(1799);
    }

    static Stream<Arguments> policyDays() {
        List<BiFunction<ReadinessPolicy.Builder, Integer, ReadinessPolicy.Builder>> setters = List.of(
                ReadinessPolicy.Builder::positioningWindowDays, ReadinessPolicy.Builder::positioningDueDays,
                ReadinessPolicy.Builder::lookbackDays, ReadinessPolicy.Builder::feedbackWindowDays,
                ReadinessPolicy.Builder::complaintVetoDays, ReadinessPolicy.Builder::prematureAskDays,
                ReadinessPolicy.Builder::pushyChaseDays, ReadinessPolicy.Builder::titForTatDays,
                ReadinessPolicy.Builder::askCoolDownDays, ReadinessPolicy.Builder::introductionWaitDays,
                ReadinessPolicy.Builder::thankReferrerDays, ReadinessPolicy.Builder::statusReportDays,
                ReadinessPolicy.Builder::thankYouGiftDays, ReadinessPolicy.Builder::momentumWindowDays);
        List<String> names = List.of("positioningWindowDays", "positioningDueDays", "lookbackDays", "feedbackWindowDays",
                "complaintVetoDays", "prematureAskDays", "pushyChaseDays", "titForTatDays", "askCoolDownDays",
                "introductionWaitDays", "thankReferrerDays", "statusReportDays", "thankYouGiftDays", "momentumWindowDays");
        return IntStream.range(0, names.size()).mapToObj(i -> arguments(names.get(i), setters.get(i)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policyDays")
    void everyPolicyDayCountIsAtMost36500(String field, BiFunction<ReadinessPolicy.Builder, Integer, ReadinessPolicy.Builder> set) {
        ReadinessPolicy.Builder longLookBack = ReadinessPolicy.defaults().toBuilder().lookbackDays(Limits.MAX_POLICY_DAYS);

        for (int tooMany : List.of(Limits.MAX_POLICY_DAYS + 1, Integer.MAX_VALUE)) {
            assertThatThrownBy(() -> set.apply(ReadinessPolicy.defaults().toBuilder().lookbackDays(Limits.MAX_POLICY_DAYS), tooMany).build())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("ReadinessPolicy." + field + " must be between 0 and 36500 days, was " + tooMany);
        }
        assertThat(set.apply(longLookBack, Limits.MAX_POLICY_DAYS).build()).isNotNull();
    }

    private static List<Fact> conversations(int count) {
        List<Fact> facts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            facts.add(new PositioningConversation("PC-" + i, D));
        }
        return facts;
    }

    @Test
    void aSnapshotOfMoreThan100000FactsIsRejectedNamingTheCustomerAndTheCount() {
        List<Fact> facts = conversations(Limits.MAX_FACTS_PER_CUSTOMER);
        facts.add(new Sale("S-1", D, BigDecimal.ONE, null));

        assertThatThrownBy(() -> CustomerSnapshot.builder(CUSTOMER).addAll(facts).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("CustomerSnapshot has 100001 facts, at most 100000 per customer (id=C-1)");
    }

    @Test
    void aSnapshotOfExactly100000FactsIsAccepted() {
        assertThatCode(() -> CustomerSnapshot.builder(CUSTOMER).addAll(conversations(Limits.MAX_FACTS_PER_CUSTOMER)).build())
                .doesNotThrowAnyException();
    }
}
