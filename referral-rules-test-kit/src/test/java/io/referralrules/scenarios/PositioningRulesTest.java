package io.referralrules.scenarios;

import io.referralrules.api.ActionType;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Steps 1-2: no relationship, then positioning at the close")
class PositioningRulesTest extends RuleTestSupport {

    @Test
    void aCustomerWithoutASaleHasNoRelationshipAndNoActions() {
        ReadinessAssessment a = assess(customer());

        assertThat(a.stage()).isEqualTo(Stage.NO_RELATIONSHIP);
        assertThat(a.stageReason().rule()).isEqualTo("No closed sale means no relationship yet");
        assertThat(a.firedRules()).contains("No closed sale means no relationship yet",
                "The stage with the highest precedence wins");
        assertThat(a.actions()).isEmpty();
        assertThat(a.trustBuilders()).isEmpty();
        assertThat(a.trustEarned()).isFalse();
    }

    @Test
    void aSaleClosedThirtyDaysAgoStillCallsForPositioning() {
        ReadinessAssessment a = assess(customer(sale("S-1", 30)));

        assertThat(a.stage()).isEqualTo(Stage.POSITIONING);
        assertThat(a.firedRules()).contains("Hold a positioning conversation after a fresh sale");
        assertThat(a.action(ActionType.HOLD_POSITIONING_CONVERSATION)).hasValueSatisfying(action -> {
            assertThat(action.dueDate()).isEqualTo(daysAgo(29));
            assertThat(action.overdueDays()).isEqualTo(29);
            assertThat(action.subjectId()).isEqualTo("S-1");
            assertThat(action.reason().evidence()).containsExactly("S-1");
        });
    }

    @Test
    void aSaleClosedThirtyOneDaysAgoNoLongerCallsForPositioning() {
        ReadinessAssessment a = assess(customer(sale("S-1", 31)));

        assertThat(a.stage()).isEqualTo(Stage.EARNING_TRUST);
        assertThat(a.firedRules()).doesNotContain("Hold a positioning conversation after a fresh sale");
        assertThat(a.action(ActionType.HOLD_POSITIONING_CONVERSATION)).isEmpty();
    }

    @Test
    void thePositioningConversationIsDueTheDayAfterTheClose() {
        ReadinessAssessment closedToday = assess(customer(sale("S-1", 0)));
        ReadinessAssessment closedYesterday = assess(customer(sale("S-1", 1)));

        assertThat(closedToday.action(ActionType.HOLD_POSITIONING_CONVERSATION).orElseThrow())
                .satisfies(x -> assertThat(x.dueDate()).isEqualTo(daysAgo(-1)))
                .satisfies(x -> assertThat(x.overdue()).isFalse());
        assertThat(closedYesterday.action(ActionType.HOLD_POSITIONING_CONVERSATION).orElseThrow().overdueDays()).isZero();
    }

    @Test
    void aPositioningConversationOnTheDayOfTheCloseEndsPositioning() {
        ReadinessAssessment a = assess(customer(sale("S-1", 5), positioning("PC-1", 5)));

        assertThat(a.stage()).isEqualTo(Stage.EARNING_TRUST);
        assertThat(a.action(ActionType.HOLD_POSITIONING_CONVERSATION)).isEmpty();
    }

    @Test
    void aPositioningConversationBeforeTheLatestSaleDoesNotCount() {
        ReadinessAssessment a = assess(customer(sale("S-1", 100), positioning("PC-1", 99), sale("S-2", 3)));

        assertThat(a.stage()).isEqualTo(Stage.POSITIONING);
        assertThat(a.action(ActionType.HOLD_POSITIONING_CONVERSATION).orElseThrow().subjectId()).isEqualTo("S-2");
        assertThat(a.actions(ActionType.HOLD_POSITIONING_CONVERSATION)).hasSize(1);
    }

    @Test
    void twoSalesOnTheSameDayCallForOnePositioningConversation() {
        ReadinessAssessment a = assess(customer(sale("S-1", 3), sale("S-2", 3)));

        assertThat(a.actions(ActionType.HOLD_POSITIONING_CONVERSATION)).singleElement().satisfies(x -> assertThat(x.subjectId()).isEqualTo("S-2"));
    }

    @Test
    void aFreshSaleToATrustedCustomerCallsForPositioningBeforeTheAsk() {
        ReadinessAssessment a = assess(customer(join(readyToAsk(), java.util.List.of(sale("S-9", 2)))));

        assertThat(a.stage()).isEqualTo(Stage.POSITIONING);
        assertThat(a.action(ActionType.ASK_FOR_INTRODUCTION)).isEmpty();
    }
}
