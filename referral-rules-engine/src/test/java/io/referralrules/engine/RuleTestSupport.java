package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;

import java.time.LocalDate;

/** Shared engine for the scenario tests: the precompiled bundled rules with the default policy. */
abstract class RuleTestSupport {
    static final ReferralReadinessEngine ENGINE = ReferralRules.engine();

    static ReadinessAssessment assess(CustomerSnapshot snapshot) {
        return ENGINE.assess(snapshot, Facts.TODAY);
    }

    static ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf) {
        return ENGINE.assess(snapshot, asOf);
    }

    static ReadinessPolicy defaults() {
        return ReadinessPolicy.defaults();
    }
}
