package io.referralrules.testkit;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.engine.RuleSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tests for rules: pick a playbook, add your DRL, assess a snapshot on a day and assert on the answer fluently. The
 * engine is built once per kit (host DRL compiles on first use), so keep a kit in a {@code static} field and share it
 * between the tests of a class. Immutable and thread-safe: {@code with...} returns a new kit.
 *
 * <pre>{@code
 * class RegulatedIndustryRuleTest {
 *     static final RuleTestKit KIT = RuleTestKit.of(Playbook.EARNED_TRUST)
 *             .withHostRules(RuleSource.classpath("com/acme/rules/regulated.drl"));
 *
 *     @Test
 *     void aBankIsNeverAsked() {
 *         KIT.assess(readyToAskBank, LocalDate.of(2026, 6, 15))
 *            .hasStage(Stage.BLOCKED)
 *            .hasStageDecidedBy("Customers in a regulated industry are never asked")
 *            .hasNoAction(ActionType.ASK_FOR_INTRODUCTION);
 *     }
 * }
 * }</pre>
 */
public final class RuleTestKit {
    private final Playbook playbook;
    private final ReadinessPolicy policy;
    private final List<RuleSource> hostRules;
    private volatile ReferralReadinessEngine engine;

    private RuleTestKit(Playbook playbook, ReadinessPolicy policy, List<RuleSource> hostRules) {
        this.playbook = playbook;
        this.policy = policy;
        this.hostRules = List.copyOf(hostRules);
    }

    /** A kit for the playbook with its default thresholds. */
    public static RuleTestKit of(Playbook playbook) {
        Objects.requireNonNull(playbook, "playbook");
        return new RuleTestKit(playbook, playbook.defaults(), List.of());
    }

    /** The same kit deciding with other thresholds (the compiled rules are not rebuilt for it in production either). */
    public RuleTestKit withPolicy(ReadinessPolicy policy) {
        return new RuleTestKit(playbook, Objects.requireNonNull(policy, "policy"), hostRules);
    }

    /** The same kit with host DRL added to the playbook, as playbook {@code <id>+test} version {@code test}. */
    public RuleTestKit withHostRules(RuleSource... rules) {
        List<RuleSource> all = new ArrayList<>(hostRules);
        all.addAll(List.of(rules));
        return new RuleTestKit(playbook, policy, all);
    }

    /**
     * The kit's engine, built on first use.
     *
     * @throws io.referralrules.engine.RuleCompilationException if the host DRL does not compile
     */
    public ReferralReadinessEngine engine() {
        ReferralReadinessEngine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    Playbook rules = hostRules.isEmpty() ? playbook
                            : playbook.withHostRules(playbook.id() + "+test", "test", hostRules);
                    engine = e = ReferralRules.engine(rules, policy);
                }
            }
        }
        return e;
    }

    /** Assesses the snapshot as of the day and returns the answer to assert on. */
    public AssessmentAssert assess(CustomerSnapshot snapshot, LocalDate asOf) {
        return AssessmentAssert.assertThat(assessment(snapshot, asOf));
    }

    /** Assesses the snapshot as of the day. */
    public ReadinessAssessment assessment(CustomerSnapshot snapshot, LocalDate asOf) {
        return engine().assess(snapshot, asOf);
    }
}
