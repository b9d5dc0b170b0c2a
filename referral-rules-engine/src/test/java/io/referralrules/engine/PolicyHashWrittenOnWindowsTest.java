package io.referralrules.engine;

import io.referralrules.api.DecisionRecord;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.ReplayResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision records written on Windows before the engine hashed its own canonical text carry the hash of Jackson's
 * text, whose lines inside the object ended with {@code \r\n} there. A replay with the same thresholds accepts that
 * hash as the same policy; any other hash is still a policy difference.
 */
class PolicyHashWrittenOnWindowsTest {
    /**
     * SHA-256 of {@code PolicyJson.write(ReadinessPolicy.defaults())} as the earlier build wrote it on Windows: taken
     * from Jackson 2.22.1 in a JVM started with {@code -Dline.separator=\r\n}.
     */
    private static final String DEFAULTS_WRITTEN_ON_WINDOWS = "dc212dbe8741f791a6d2ac88147c324b8b9a8b361e6bcc04c2209a530223da6f";

    @Test
    void theWindowsTextOfTheDefaultsHashesAsJacksonWroteItThere() {
        assertThat(DecisionRecords.policyHashWrittenOnWindows(ReadinessPolicy.defaults())).isEqualTo(DEFAULTS_WRITTEN_ON_WINDOWS)
                .isNotEqualTo(DecisionRecords.policyHash(ReadinessPolicy.defaults()));
    }

    @Test
    void aRecordWrittenOnWindowsReplaysAsIdentical() {
        ReferralReadinessEngine engine = ReferralRules.engine();
        DecisionRecord today = engine.record(AnswersInFullTest.business("C-1", AnswersInFullTest.ready()), AnswersInFullTest.TODAY);
        DecisionRecord fromWindows = withPolicyHash(today, DEFAULTS_WRITTEN_ON_WINDOWS);

        ReplayResult replay = engine.replay(fromWindows);

        assertThat(replay.differences()).isEmpty();
        assertThat(engine.replay(today).differences()).isEmpty();
    }

    @Test
    void anotherHashIsStillAPolicyDifference() {
        ReferralReadinessEngine engine = ReferralRules.engine();
        DecisionRecord today = engine.record(AnswersInFullTest.business("C-1", AnswersInFullTest.ready()), AnswersInFullTest.TODAY);
        String otherPolicy = DecisionRecords.policyHashWrittenOnWindows(
                ReadinessPolicy.defaults().toBuilder().askCoolDownDays(120).build());

        assertThat(engine.replay(withPolicyHash(today, otherPolicy)).differences())
                .singleElement()
                .satisfies(difference -> {
                    assertThat(difference.what()).isEqualTo("policy");
                    assertThat(difference.recorded()).isEqualTo(otherPolicy);
                });
    }

    private static DecisionRecord withPolicyHash(DecisionRecord record, String policyHash) {
        return new DecisionRecord(record.assessment(), record.snapshot(), record.asOf(), record.playbook(), record.policy(),
                policyHash, record.rulesHash(), record.engineVersion());
    }
}
