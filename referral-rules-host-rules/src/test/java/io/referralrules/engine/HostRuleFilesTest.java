package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Reason;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.referralrules.engine.AnswersInFullTest.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where an answer says a host rule is written (whatever way its name and package are written), the rules' fingerprint
 * and a single compile error. The fire limits and tenant ids are the engine module's {@code RuleFilesAndLimitsTest}.
 */
@DisplayName("Host rule files, fingerprints and a single compile error")
class HostRuleFilesTest {
    private static final CustomerSnapshot CUSTOMER = CustomerSnapshot.builder(new Customer("C-1", CustomerType.BUSINESS, "rep-1", null)).build();

    private static Playbook hostRules(String file, String drl) {
        return Playbook.EARNED_TRUST.withHostRules("acme", "1", RuleSource.of(file, drl));
    }

    private static final String NOTES = """
            import io.referralrules.api.facts.Customer;
            import io.referralrules.engine.spi.HostReason;
            import java.util.List;
            rule 'Single-quoted names are read'
            when
                Customer()
            then
                insert( new HostReason( "single", List.of() ) );
            end
            rule Unquoted_names_are_read
            when
                Customer()
            then
                insert( new HostReason( "unquoted", List.of() ) );
            end
            rule "Double-quoted names are read"
            when
                Customer()
            then
                insert( new HostReason( "double", List.of() ) );
            end
            """;

    @Test
    void aHostRuleIsCreditedToItsFileHoweverItsNameIsWrittenAndWithoutAPackage() {
        ReadinessAssessment a = ReferralRules.engine(hostRules("acme/notes.drl", NOTES)).assess(CUSTOMER, TODAY);

        assertThat(a.reasons()).contains(
                new Reason("Single-quoted names are read", "acme/notes.drl", "single", List.of()),
                new Reason("Unquoted_names_are_read", "acme/notes.drl", "unquoted", List.of()),
                new Reason("Double-quoted names are read", "acme/notes.drl", "double", List.of()));
    }

    @Test
    void theRulesFingerprintFollowsEveryFileNameAndText() {
        String drl = "package com.acme;\nrule \"Nothing\"\nwhen\n    eval( false )\nthen\nend\n";
        DroolsReadinessEngine one = (DroolsReadinessEngine) ReferralRules.engine(hostRules("acme/a.drl", drl));
        DroolsReadinessEngine same = (DroolsReadinessEngine) ReferralRules.engine(hostRules("acme/a.drl", drl));
        DroolsReadinessEngine renamed = (DroolsReadinessEngine) ReferralRules.engine(hostRules("acme/b.drl", drl));
        DroolsReadinessEngine edited = (DroolsReadinessEngine) ReferralRules.engine(hostRules("acme/a.drl", drl + "\n"));
        DroolsReadinessEngine bundled = (DroolsReadinessEngine) ReferralRules.engine();

        assertThat(one.rulesHash()).matches("[0-9a-f]{64}").isEqualTo(same.rulesHash())
                .isNotEqualTo(renamed.rulesHash()).isNotEqualTo(edited.rulesHash()).isNotEqualTo(bundled.rulesHash());
    }

    @Test
    void oneCompileErrorIsCountedAsOne() {
        Playbook broken = hostRules("acme/broken.drl", "package com.acme;\nrule \"Broken\"\nwhen\n    NoSuchFact()\nthen\nend\n");

        assertThatThrownBy(() -> ReferralRules.engine(broken))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0)).startsWith("acme/broken.drl:4: ").doesNotContain("\n");
                    assertThat(e.getMessage()).startsWith("host rules of playbook acme@1 do not compile (1 error):\n  acme/broken.drl:4: ");
                });
    }
}
