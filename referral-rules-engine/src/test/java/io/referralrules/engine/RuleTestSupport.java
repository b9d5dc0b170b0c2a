package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.facts.Fact;

import java.time.LocalDate;
import java.util.List;

/** Shared engine for the scenario tests: the precompiled bundled rules with the default policy. */
abstract class RuleTestSupport {
    static final ReferralReadinessEngine ENGINE = ReferralRules.engine();

    static ReadinessAssessment assess(CustomerSnapshot snapshot) {
        return ENGINE.assess(snapshot, Facts.TODAY);
    }

    static ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf) {
        return ENGINE.assess(snapshot, asOf);
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
