package io.referralrules.scenarios;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.facts.Fact;
import io.referralrules.engine.Playbook;
import io.referralrules.testkit.AssessmentAssert;
import io.referralrules.testkit.RuleTestKit;

import java.time.LocalDate;
import java.util.List;

/**
 * Shared set-up for the earned-trust scenario tests, through the rule test kit: the precompiled bundled rules with
 * the default policy.
 */
abstract class RuleTestSupport {
    static final RuleTestKit EARNED_TRUST = RuleTestKit.of(Playbook.EARNED_TRUST);
    static final ReferralReadinessEngine ENGINE = EARNED_TRUST.engine();

    static ReadinessAssessment assess(CustomerSnapshot snapshot) {
        return ENGINE.assess(snapshot, Facts.TODAY);
    }

    static ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf) {
        return ENGINE.assess(snapshot, asOf);
    }

    /** The snapshot assessed today, to assert on fluently. */
    static AssessmentAssert then(CustomerSnapshot snapshot) {
        return EARNED_TRUST.assess(snapshot, Facts.TODAY);
    }

    /** A customer who is {@link Facts#readyToAsk()} with {@code more} facts, assessed today. */
    static ReadinessAssessment ready(Fact... more) {
        return assess(Facts.customer(Facts.join(Facts.readyToAsk(), List.of(more))));
    }

    /** A customer whose trust is earned ({@link Facts#trustEarned()}) with {@code more} facts, assessed today. */
    static ReadinessAssessment trusted(Fact... more) {
        return assess(Facts.customer(Facts.join(Facts.trustEarned(), List.of(more))));
    }
}
