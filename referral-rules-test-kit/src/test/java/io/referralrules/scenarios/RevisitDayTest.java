package io.referralrules.scenarios;

import io.referralrules.api.Detail;
import io.referralrules.api.Limits;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.referralrules.scenarios.Facts.TODAY;
import static io.referralrules.scenarios.Facts.ask;
import static io.referralrules.scenarios.Facts.customer;
import static io.referralrules.scenarios.Facts.introduction;
import static io.referralrules.scenarios.Facts.sale;
import static io.referralrules.scenarios.Facts.service;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revisit day on named customers, one per kind of day (the property test, {@link RevisitDayPropertyTest}, walks
 * thousands of generated ones). Defaults of the earned-trust playbook: look-back 365 days, cool-down 90, thanking the
 * referrer 1 day after the introduction.
 */
@DisplayName("The revisit day, by example")
class RevisitDayTest {
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();

    @Test
    void aCustomerWithoutFactsHasNothingTimeBound() {
        ReadinessAssessment a = ENGINE.assess(customer(), TODAY);

        assertThat(a.stage()).isEqualTo(Stage.NO_RELATIONSHIP);
        assertThat(a.revisitOn()).isNull();
    }

    @Test
    void aCoolDownIsRevisitedTheDayItEnds() {
        ReadinessAssessment a = ENGINE.assess(customer(sale("S-1", 400), ask("A-1", 10)), TODAY);

        assertThat(a.stage()).isEqualTo(Stage.COOLING_DOWN);
        assertThat(a.revisitOn()).isEqualTo(TODAY.minusDays(10).plusDays(91));
    }

    @Test
    void aThankYouDueTomorrowIsRevisitedTomorrowThenTheDayAfterWhenItIsOverdue() {
        ReadinessAssessment today = ENGINE.assess(customer(sale("S-1", 400), introduction("I-1", 0, null, null, null)), TODAY);
        ReadinessAssessment dueDay = ENGINE.assess(customer(sale("S-1", 400), introduction("I-1", 0, null, null, null)),
                TODAY.plusDays(1));

        assertThat(today.revisitOn()).isEqualTo(TODAY.plusDays(1));
        assertThat(dueDay.revisitOn()).isEqualTo(TODAY.plusDays(2));
        assertThat(dueDay.sameAnswer(today)).isFalse();
    }

    @Test
    void aTrustBuilderIsRevisitedTheDayItTurnsUnmetNotWhenAnEarlierFactLeaves() {
        // service quality needs 2 interactions: the second-newest leaves the look-back first, on 366 days after it
        ReadinessAssessment a = ENGINE.assess(customer(sale("S-1", 400), service("SI-1", 300, 5), service("SI-2", 200, 5),
                service("SI-3", 100, 5)), TODAY);

        assertThat(a.trustBuilders().get(0).met()).isTrue();
        assertThat(a.revisitOn()).isEqualTo(TODAY.minusDays(200).plusDays(366));
    }

    @Test
    void aFactDatedAfterTheAssessmentDayIsRevisitedTheDayItHappens() {
        ReadinessAssessment a = ENGINE.assess(customer(sale("S-1", -5)), TODAY);

        assertThat(a.stage()).isEqualTo(Stage.NO_RELATIONSHIP);
        assertThat(a.revisitOn()).isEqualTo(TODAY.plusDays(5));
    }

    @Test
    void theDecisionDetailGivesTheSameDay() {
        var snapshot = customer(sale("S-1", 400), ask("A-1", 10));

        assertThat(ENGINE.assess(snapshot, TODAY, Detail.DECISION).revisitOn()).isEqualTo(ENGINE.assess(snapshot, TODAY).revisitOn());
    }

    @Test
    void onTheLastDayTheEngineAssessesOnThereIsNoRevisitDay() {
        ReadinessAssessment a = ENGINE.assess(customer(sale("S-1", 400), ask("A-1", 10)), Limits.LATEST_DATE);

        assertThat(a.revisitOn()).isNull();
    }

    @Test
    void withRulesOfTheHostTheRevisitDayIsTheNextDay() {
        ReferralReadinessEngine hosted = ReferralRules.engine(Playbook.EARNED_TRUST.withHostRules("acme", "1", HostRulesTest.EVERY_RESULT));

        assertThat(hosted.assess(customer(), TODAY).revisitOn()).isEqualTo(TODAY.plusDays(1));
    }
}
