package io.referralrules.scenarios;

import io.referralrules.api.ActionType;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.TrustBuilderResult;
import io.referralrules.api.facts.Fact;
import io.referralrules.api.facts.IssueStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Step 3: earning the right through five trust builders")
class EarningTrustRulesTest extends RuleTestSupport {

    /** {@link Facts#trustEarned()} without the facts matching {@code drop}, plus {@code extra}. */
    private static List<Fact> trustedExcept(Predicate<Fact> drop, Fact... extra) {
        List<Fact> facts = new ArrayList<>(trustEarned());
        facts.removeIf(drop);
        facts.addAll(List.of(extra));
        return facts;
    }

    private static TrustBuilderResult builder(ReadinessAssessment a, TrustBuilder b) {
        return a.trustBuilder(b).orElseThrow();
    }

    @Test
    void allFiveBuildersMetEarnTrust() {
        ReadinessAssessment a = assess(customer(trustEarned()));

        assertThat(a.trustEarned()).isTrue();
        assertThat(a.trustBuilders()).extracting(TrustBuilderResult::builder).containsExactly(TrustBuilder.values());
        assertThat(a.trustBuilders()).allMatch(TrustBuilderResult::met);
        assertThat(builder(a, TrustBuilder.SERVICE_QUALITY).evidence()).containsExactly("SI-1", "SI-2");
        assertThat(builder(a, TrustBuilder.RECIPROCITY).evidence()).containsExactly("RG-1");
        assertThat(a.firedRules()).contains(
                "Measure trust on the assessment day",
                "Service quality: enough well-rated service with nothing left unsettled",
                "Proactive care: needs handled before the customer asked",
                "Extra value: something useful beyond the contract",
                "Reciprocity: a referral we gave the customer",
                "Relationship: contact outside strict business",
                "Trust is earned when the mandatory builders and enough builders are met");
        assertThat(a.actions()).extracting(x -> x.type()).doesNotContain(ActionType.IMPROVE_SERVICE,
                ActionType.TAKE_PROACTIVE_ACTION, ActionType.DELIVER_EXTRA_VALUE, ActionType.GIVE_A_REFERRAL,
                ActionType.BUILD_RELATIONSHIP);
    }

    @Test
    void oneServiceInteractionIsNotEnoughTwoAre() {
        ReadinessAssessment one = assess(customer(trustedExcept(f -> f.id().equals("SI-2"))));
        ReadinessAssessment two = assess(customer(trustEarned()));

        assertThat(builder(one, TrustBuilder.SERVICE_QUALITY).met()).isFalse();
        assertThat(one.trustEarned()).isFalse();
        assertThat(one.stage()).isEqualTo(Stage.EARNING_TRUST);
        assertThat(one.firedRules()).contains("Keep earning trust while builders are missing",
                "Work on each trust builder not yet met");
        assertThat(one.action(ActionType.IMPROVE_SERVICE)).hasValueSatisfying(x -> {
            assertThat(x.dueDate()).isEqualTo(TODAY);
            assertThat(x.reason().rule()).isEqualTo("Work on each trust builder not yet met");
        });
        assertThat(builder(two, TrustBuilder.SERVICE_QUALITY).met()).isTrue();
    }

    @Test
    void anAverageRatingOfFourIsEnoughJustBelowIsNot() {
        List<Fact> justBelow = trustedExcept(f -> f.id().startsWith("SI-"));
        justBelow.add(service("SI-0", 10, 3));
        for (int i = 1; i < 100; i++) {
            justBelow.add(service("SI-" + i, 10, 4));  // 99 fours and one three: 3.99
        }
        List<Fact> exactly = trustedExcept(f -> f.id().startsWith("SI-"), service("SI-1", 10, 3), service("SI-2", 10, 5));

        ReadinessAssessment below = assess(customer(justBelow));
        ReadinessAssessment atFour = assess(customer(exactly));

        assertThat(builder(below, TrustBuilder.SERVICE_QUALITY).met()).isFalse();
        assertThat(builder(below, TrustBuilder.SERVICE_QUALITY).reason().message()).contains("average rating 3.99");
        assertThat(builder(atFour, TrustBuilder.SERVICE_QUALITY).met()).isTrue();
    }

    @Test
    void unratedInteractionsCountButDoNotRate() {
        ReadinessAssessment a = assess(customer(trustedExcept(f -> f.id().startsWith("SI-"),
                service("SI-1", 10, null), service("SI-2", 20, null))));

        assertThat(builder(a, TrustBuilder.SERVICE_QUALITY).met()).isFalse();
        assertThat(builder(a, TrustBuilder.SERVICE_QUALITY).reason().message()).contains("2 service interactions", "no rating");
    }

    @Test
    void anOpenOrEscalatedInteractionSpoilsServiceQuality() {
        ReadinessAssessment open = assess(customer(trustedExcept(f -> false, service("SI-3", 5, 5, IssueStatus.OPEN))));
        ReadinessAssessment escalated = assess(customer(trustedExcept(f -> false, service("SI-3", 5, 5, IssueStatus.ESCALATED))));

        assertThat(builder(open, TrustBuilder.SERVICE_QUALITY).met()).isFalse();
        assertThat(builder(open, TrustBuilder.SERVICE_QUALITY).reason().message()).contains("unsettled: [SI-3]");
        assertThat(builder(escalated, TrustBuilder.SERVICE_QUALITY).met()).isFalse();
    }

    @Test
    void factsOlderThanTheLookBackDoNotCount() {
        ReadinessAssessment day365 = assess(customer(trustedExcept(f -> f.id().equals("RG-1"), referralGiven("RG-1", 365))));
        ReadinessAssessment day366 = assess(customer(trustedExcept(f -> f.id().equals("RG-1"), referralGiven("RG-1", 366))));

        assertThat(builder(day365, TrustBuilder.RECIPROCITY).met()).isTrue();
        assertThat(builder(day366, TrustBuilder.RECIPROCITY).met()).isFalse();
        assertThat(day366.trustEarned()).isFalse();
        assertThat(day366.action(ActionType.GIVE_A_REFERRAL)).isPresent();
    }

    @Test
    void reciprocityIsMandatoryEvenWhenFourBuildersAreMet() {
        ReadinessAssessment a = assess(customer(trustedExcept(f -> f.id().equals("RG-1"))));

        assertThat(a.trustBuilders()).filteredOn(TrustBuilderResult::met).hasSize(4);
        assertThat(a.trustEarned()).isFalse();
        assertThat(a.stage()).isEqualTo(Stage.EARNING_TRUST);
        assertThat(a.stageReason().message()).contains("RECIPROCITY");
        assertThat(a.firedRules()).doesNotContain("Trust is earned when the mandatory builders and enough builders are met");
    }

    @Test
    void threeBuildersIncludingTheMandatoryOnesAreEnoughTwoAreNot() {
        ReadinessAssessment three = assess(customer(trustedExcept(f -> f.id().equals("PA-1") || f.id().equals("EV-1"))));
        ReadinessAssessment two = assess(customer(trustedExcept(f -> f.id().equals("PA-1") || f.id().equals("EV-1") || f.id().equals("ST-1"))));

        assertThat(three.trustEarned()).isTrue();
        assertThat(three.action(ActionType.TAKE_PROACTIVE_ACTION)).isPresent();
        assertThat(three.action(ActionType.DELIVER_EXTRA_VALUE)).isPresent();
        assertThat(two.trustEarned()).isFalse();
        assertThat(two.action(ActionType.BUILD_RELATIONSHIP)).isPresent();
    }

    @Test
    void everyUnmetBuilderProposesItsRemedy() {
        ReadinessAssessment a = assess(customer(sale("S-1", 100), positioning("PC-1", 99)));

        assertThat(a.actions()).extracting(x -> x.type()).containsExactly(ActionType.IMPROVE_SERVICE,
                ActionType.TAKE_PROACTIVE_ACTION, ActionType.DELIVER_EXTRA_VALUE, ActionType.GIVE_A_REFERRAL,
                ActionType.BUILD_RELATIONSHIP);
    }
}
