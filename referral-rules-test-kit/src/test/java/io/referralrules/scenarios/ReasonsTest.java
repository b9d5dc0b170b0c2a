package io.referralrules.scenarios;

import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Reason;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.Sale;
import io.referralrules.testkit.RuleTestKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every kind of action and warning says which rule concluded it, in which DRL file, on which facts. */
@DisplayName("Why: the reason behind every kind of action and warning")
class ReasonsTest {
    private static final String RULES = "io/referralrules/rules/";
    private static final RuleTestKit EARNED = RuleSupport.EARNED_TRUST;
    private static final RuleTestKit MOMENTUM = PostSaleMomentumRulesTest.MOMENTUM;

    /** Named kits so the parameterized test names stay short. */
    private static final class RuleSupport {
        static final RuleTestKit EARNED_TRUST = RuleTestSupport.EARNED_TRUST;
    }

    static Stream<Arguments> actions() {
        CustomerSnapshot withIntroduction = customer(join(readyToAsk(), List.of(ask("A-1", 40), introduction("I-1", 38, "A-1", null, 30),
                referredSale("RS-1", 12, "I-1"))));
        return Stream.of(
                arguments(ActionType.HOLD_POSITIONING_CONVERSATION, EARNED, customer(sale("S-1", 3)),
                        "Hold a positioning conversation after a fresh sale", "earnedtrust/positioning.drl", List.of("S-1")),
                arguments(ActionType.IMPROVE_SERVICE, EARNED, customer(sale("S-1", 100), service("SI-1", 50, 3)),
                        "Work on each trust builder not yet met", "common/trust-builders.drl", List.of("SI-1")),
                arguments(ActionType.TAKE_PROACTIVE_ACTION, EARNED, customer(sale("S-1", 100)),
                        "Work on each trust builder not yet met", "common/trust-builders.drl", List.of()),
                arguments(ActionType.DELIVER_EXTRA_VALUE, EARNED, customer(sale("S-1", 100)),
                        "Work on each trust builder not yet met", "common/trust-builders.drl", List.of()),
                arguments(ActionType.GIVE_A_REFERRAL, EARNED, customer(sale("S-1", 100)),
                        "Work on each trust builder not yet met", "common/trust-builders.drl", List.of()),
                arguments(ActionType.BUILD_RELATIONSHIP, EARNED, customer(sale("S-1", 100)),
                        "Work on each trust builder not yet met", "common/trust-builders.drl", List.of()),
                arguments(ActionType.REQUEST_TESTIMONIAL, EARNED, customer(trustEarned()),
                        "Request a testimonial when no feedback conversation is recent", "earnedtrust/confirming.drl", List.of()),
                arguments(ActionType.REQUEST_TESTIMONIAL, MOMENTUM, customer(sale("S-1", 5)),
                        "Ask the customer whether the sale solved their problem", "postsale/momentum.drl", List.of("S-1")),
                arguments(ActionType.RESOLVE_COMPLAINT, EARNED, customer(join(trustEarned(), List.of(complaint("CP-1", 4, null)))),
                        "An open complaint blocks the ask until it is resolved", "common/feedback.drl", List.of("CP-1")),
                arguments(ActionType.ASK_FOR_INTRODUCTION, EARNED, customer(readyToAsk()),
                        "Ask for an introduction, not a name, when ready", "earnedtrust/asking.drl", List.of()),
                arguments(ActionType.ASK_FOR_INTRODUCTION, MOMENTUM, customer(freshSaleConfirmed()),
                        "Ask the customer to picture who has the problem we just solved", "postsale/asking.drl", List.of("S-9")),
                arguments(ActionType.CONFIRM_INTRODUCTION, EARNED, withIntroduction,
                        "An agreed introduction waits for the customer's confirmation", "common/introductions.drl", List.of("I-1")),
                arguments(ActionType.THANK_REFERRER, EARNED, withIntroduction,
                        "Follow up with the referrer while a duty is owed", "common/follow-ups.drl", List.of("I-1")),
                arguments(ActionType.SEND_STATUS_REPORT, EARNED, withIntroduction,
                        "Follow up with the referrer while a duty is owed", "common/follow-ups.drl", List.of("I-1")),
                arguments(ActionType.SEND_THANK_YOU_GIFT, EARNED, withIntroduction,
                        "Follow up with the referrer while a duty is owed", "common/follow-ups.drl", List.of("I-1", "RS-1")),
                arguments(ActionType.HOST_ACTION, HostRulesTest.EARNED_TRUST, customerWith(Map.of("tier", "strategic"), List.of(sale("S-1", 3))),
                        "A strategic customer's sale earns an invitation to the advisory board", "host-rules/every-result.drl", List.of("S-1")));
    }

    static Stream<Arguments> warnings() {
        return Stream.of(
                arguments(WarningType.PREMATURE_ASK, EARNED, customer(sale("S-1", 60), ask("A-1", 55)),
                        "Asking soon after the first sale, before trust is earned, is premature", "earnedtrust/asking.drl", List.of("A-1")),
                arguments(WarningType.PREMATURE_ASK, EARNED, customer(ask("A-1", 70), sale("S-1", 60)),
                        "Asking before any sale is premature", "common/asking.drl", List.of("A-1")),
                arguments(WarningType.PREMATURE_ASK, MOMENTUM, customer(sale("S-1", 10), ask("A-1", 9)),
                        "Asking before the customer confirmed the sale works is premature", "postsale/asking.drl", List.of("A-1", "S-1")),
                arguments(WarningType.PUSHY_CHASE, EARNED, customer(sale("S-1", 60), ask("A-1", 55), ask("A-2", 52)),
                        "Chasing a premature ask is pushy", "common/asking.drl", List.of("A-1", "A-2")),
                arguments(WarningType.TIT_FOR_TAT, EARNED, customer(join(readyToAsk(), List.of(referralGiven("RG-2", 30), ask("A-1", 25)))),
                        "Asking right after giving a referral looks like tit for tat", "common/asking.drl", List.of("A-1", "RG-2")),
                arguments(WarningType.ASK_FATIGUE, EARNED, customer(join(readyToAsk(), List.of(ask("A-1", 60), ask("A-2", 20)))),
                        "Asking again within the cool-down tires the customer", "common/asking.drl", List.of("A-1", "A-2")),
                arguments(WarningType.ASK_DURING_COMPLAINT, EARNED, customer(join(trustEarned(), List.of(complaint("CP-1", 30, null), ask("A-1", 20)))),
                        "Asking while a complaint is open", "common/asking.drl", List.of("A-1", "CP-1")),
                arguments(WarningType.BARE_CONTACT_ASK, EARNED, customer(join(readyToAsk(), List.of(namesOnlyAsk("A-1", 20)))),
                        "Asking for names only gives a cold lead", "common/asking.drl", List.of("A-1")),
                arguments(WarningType.FOLLOW_UP_OVERDUE, EARNED, customer(join(readyToAsk(), List.of(ask("A-1", 40),
                                introduction("I-1", 38, "A-1", 36, null), followUp("F-1", 37, "I-1", FollowUpType.STATUS_REPORT)))),
                        "A follow-up past its due date is overdue", "common/follow-ups.drl", List.of("I-1")),
                arguments(WarningType.HOST_WARNING, HostRulesTest.EARNED_TRUST, customer(new Sale("S-1", daysAgo(3), BigDecimal.TEN, null)),
                        "A sale without a stated problem is hard to refer from", "host-rules/every-result.drl", List.of("S-1")));
    }

    private static String file(String file) {
        return file.startsWith("host-rules/") ? file : RULES + file;
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("actions")
    void everyKindOfActionNamesItsRuleFileAndFacts(ActionType type, RuleTestKit kit, CustomerSnapshot snapshot, String rule,
                                                   String file, List<String> evidence) {
        ReadinessAssessment a = kit.assessment(snapshot, TODAY);

        assertThat(a.actions(type)).as("%s in %s", type, a.actions()).isNotEmpty().first().extracting(x -> x.reason())
                .isEqualTo(new Reason(rule, file(file), a.actions(type).get(0).reason().message(), evidence));
        assertThat(a.firedRules()).contains(rule);
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("warnings")
    void everyKindOfWarningNamesItsRuleFileAndFacts(WarningType type, RuleTestKit kit, CustomerSnapshot snapshot, String rule,
                                                    String file, List<String> evidence) {
        ReadinessAssessment a = kit.assessment(snapshot, TODAY);

        assertThat(a.warnings(type)).as("%s in %s", type, a.warnings()).isNotEmpty();
        assertThat(a.warnings(type).stream().map(w -> w.reason()))
                .contains(new Reason(rule, file(file), a.warnings(type).stream().filter(w -> w.reason().rule().equals(rule))
                        .findFirst().map(w -> w.reason().message()).orElse("(no warning by that rule)"), evidence));
    }

    @Test
    void theFixturesCoverEveryActionAndWarningType() {
        Set<Object> covered = Stream.concat(actions(), warnings()).map(args -> args.get()[0]).collect(Collectors.toSet());

        assertThat(covered).containsAll(Arrays.asList(ActionType.values())).containsAll(Arrays.asList(WarningType.values()));
    }

    @Test
    void theStageReasonAndEveryTrustBuilderNameTheirFileToo() {
        ReadinessAssessment a = EARNED.assessment(customer(trustEarned()), TODAY);

        assertThat(a.stageReason().file()).isEqualTo(RULES + "earnedtrust/confirming.drl");
        assertThat(a.trustBuilders()).allSatisfy(b -> assertThat(b.reason().file()).isEqualTo(RULES + "common/trust-builders.drl"));
        assertThat(a.reasons()).allSatisfy(r -> assertThat(r.file()).startsWith(RULES));
    }
}
