package io.referralrules.scenarios;

import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.referralrules.scenarios.Facts.TODAY;
import static io.referralrules.scenarios.Facts.customer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revisit day with rules of the host, which need {@code referral-rules-host-rules} (the engine module's
 * {@code RevisitDayTest} has the bundled playbooks' examples; {@link RevisitDayPropertyTest} walks generated
 * customers).
 */
@DisplayName("The revisit day with rules of the host")
class RevisitDayTest {
    @Test
    void withRulesOfTheHostTheRevisitDayIsTheNextDayEvenWithoutFacts() {
        ReferralReadinessEngine bundled = ReferralRules.engine();
        ReferralReadinessEngine hosted = ReferralRules.engine(Playbook.EARNED_TRUST.withHostRules("acme", "1", HostRulesTest.EVERY_RESULT));

        assertThat(bundled.assess(customer(), TODAY).revisitOn()).isNull();
        assertThat(hosted.assess(customer(), TODAY).revisitOn()).as("host DRL may read the day").isEqualTo(TODAY.plusDays(1));
    }
}
