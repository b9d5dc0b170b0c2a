package io.referralrules.scenarios;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

@DisplayName("The assessment day is an input: facts after it have not happened yet")
class AsOfDateTest extends RuleTestSupport {

    @Test
    void factsDatedAfterTheAssessmentDayAreIgnored() {
        CustomerSnapshot snapshot = customer(sale("S-1", 10), ask("A-1", -5));

        ReadinessAssessment a = assess(snapshot);

        assertThat(a.stage()).isEqualTo(Stage.POSITIONING);
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void thePastCanBeReassessedFromTheSameSnapshot() {
        CustomerSnapshot snapshot = customer(join(readyToAsk(), List.of(ask("A-1", 5))));

        assertThat(assess(snapshot).stage()).isEqualTo(Stage.AWAITING_INTRODUCTION);
        assertThat(assess(snapshot, daysAgo(6)).stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(assess(snapshot, daysAgo(6)).asOf()).isEqualTo(daysAgo(6));
        assertThat(assess(snapshot, daysAgo(300)).stage()).isEqualTo(Stage.NO_RELATIONSHIP);
    }

    @Test
    void aComplaintResolvedAfterTheAssessmentDayWasStillOpenThen() {
        CustomerSnapshot snapshot = customer(join(readyToAsk(), List.of(complaint("CP-1", 100, 50))));

        ReadinessAssessment then = assess(snapshot, daysAgo(60));

        assertThat(then.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(then.stageReason().rule()).isEqualTo("An open complaint blocks the ask until it is resolved");
    }

    @Test
    void anIntroductionConfirmedAfterTheAssessmentDayWasUnconfirmedThen() {
        CustomerSnapshot snapshot = customer(join(readyToAsk(), List.of(ask("A-1", 30),
                introduction("I-1", 29, "A-1", 10, 5),
                followUp("F-1", 28, "I-1", io.referralrules.api.facts.FollowUpType.THANK_REFERRER))));

        ReadinessAssessment then = assess(snapshot, daysAgo(20));

        assertThat(then.stage()).isEqualTo(Stage.AWAITING_INTRODUCTION);
        assertThat(then.action(io.referralrules.api.ActionType.SEND_STATUS_REPORT)).isEmpty();
    }

    @Test
    void theSameInputGivesAnEqualAssessment() {
        CustomerSnapshot snapshot = customer(join(readyToAsk(), List.of(namesOnlyAsk("A-1", 50), complaint("CP-1", 40, 35))));

        assertThat(assess(snapshot)).isEqualTo(assess(snapshot));
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        assertThatNullPointerException().isThrownBy(() -> ENGINE.assess(null, TODAY)).withMessage("snapshot");
        assertThatNullPointerException().isThrownBy(() -> ENGINE.assess(customer(), null)).withMessage("asOf");
    }
}
