package io.referralrules.scenarios;

import io.referralrules.api.ActionType;
import io.referralrules.api.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Steps 1-2: no relationship, then positioning at the close")
class PositioningRulesTest extends RuleTestSupport {

    @Test
    void aCustomerWithoutASaleHasNoRelationshipAndNoActions() {
        then(customer())
                .hasStage(Stage.NO_RELATIONSHIP)
                .hasStageDecidedBy("No closed sale means no relationship yet")
                .fired("No closed sale means no relationship yet", "The stage with the highest precedence wins")
                .hasNoActions()
                .hasTrustNotEarned()
                .satisfies(a -> assertThat(a.trustBuilders()).isEmpty());
    }

    @Test
    void aSaleClosedThirtyDaysAgoStillCallsForPositioning() {
        then(customer(sale("S-1", 30)))
                .hasStage(Stage.POSITIONING)
                .fired("Hold a positioning conversation after a fresh sale")
                .hasActionSatisfying(ActionType.HOLD_POSITIONING_CONVERSATION, action -> {
                    assertThat(action.dueDate()).isEqualTo(daysAgo(29));
                    assertThat(action.overdueDays()).isEqualTo(29);
                    assertThat(action.subjectId()).isEqualTo("S-1");
                    assertThat(action.reason().evidence()).containsExactly("S-1");
                });
    }

    @Test
    void aSaleClosedThirtyOneDaysAgoNoLongerCallsForPositioning() {
        then(customer(sale("S-1", 31)))
                .hasStage(Stage.EARNING_TRUST)
                .didNotFire("Hold a positioning conversation after a fresh sale")
                .hasNoAction(ActionType.HOLD_POSITIONING_CONVERSATION);
    }

    @Test
    void thePositioningConversationIsDueTheDayAfterTheClose() {
        then(customer(sale("S-1", 0)))
                .hasActionSatisfying(ActionType.HOLD_POSITIONING_CONVERSATION, action -> {
                    assertThat(action.dueDate()).isEqualTo(daysAgo(-1));
                    assertThat(action.overdue()).isFalse();
                });
        then(customer(sale("S-1", 1)))
                .hasActionSatisfying(ActionType.HOLD_POSITIONING_CONVERSATION, action -> assertThat(action.overdueDays()).isZero());
    }

    @Test
    void aPositioningConversationOnTheDayOfTheCloseEndsPositioning() {
        then(customer(sale("S-1", 5), positioning("PC-1", 5)))
                .hasStage(Stage.EARNING_TRUST)
                .hasNoAction(ActionType.HOLD_POSITIONING_CONVERSATION);
    }

    @Test
    void aPositioningConversationBeforeTheLatestSaleDoesNotCount() {
        then(customer(sale("S-1", 100), positioning("PC-1", 99), sale("S-2", 3)))
                .hasStage(Stage.POSITIONING)
                .hasActionSatisfying(ActionType.HOLD_POSITIONING_CONVERSATION, action -> assertThat(action.subjectId()).isEqualTo("S-2"));
    }

    @Test
    void twoSalesOnTheSameDayCallForOnePositioningConversation() {
        then(customer(sale("S-1", 3), sale("S-2", 3)))
                .hasActionSatisfying(ActionType.HOLD_POSITIONING_CONVERSATION, action -> assertThat(action.subjectId()).isEqualTo("S-2"));
    }

    @Test
    void aFreshSaleToATrustedCustomerCallsForPositioningBeforeTheAsk() {
        then(customer(join(readyToAsk(), java.util.List.of(sale("S-9", 2)))))
                .hasStage(Stage.POSITIONING)
                .hasNoAction(ActionType.ASK_FOR_INTRODUCTION);
    }
}
