package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.Reason;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.referralrules.engine.AnswersInFullTest.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where an answer says a host rule is written (whatever way its name and package are written), the rules' fingerprint,
 * a single compile error, the smallest fire limit, and tenant ids.
 */
@DisplayName("Rule files, fingerprints, limits and tenant ids")
class RuleFilesAndLimitsTest {
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

    @Test
    void aLimitOfOneFiringIsAllowedAndStopsTheFirstRuleThatWouldFireAgain() {
        ReferralReadinessEngine tight = ReferralRules.builder().fireLimit(1).build();
        TenantEngines tenants = new TenantEngines(1);

        assertThatThrownBy(() -> tight.assess(CUSTOMER, TODAY))
                .isInstanceOfSatisfying(RuleFiringLimitException.class, e -> {
                    assertThat(e.customerId()).isEqualTo("C-1");
                    assertThat(e.firings()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("after 1 rule firings for customer 'C-1' as of " + TODAY)
                            .contains("past the limit of 1 firings per assessment");
                });
        assertThatThrownBy(() -> tenants.register("acme", Playbook.EARNED_TRUST).assess(CUSTOMER, TODAY))
                .isInstanceOf(RuleFiringLimitException.class);
    }

    @Test
    void theLimitGrowsWithTheCustomersFactsAloneAndIsTheEnginesInABatch() {
        ReferralReadinessEngine tight = ReferralRules.builder().fireLimit(1).build();
        CustomerSnapshot oneSale = CustomerSnapshot.builder(new Customer("C-2", CustomerType.BUSINESS, "rep-1", null))
                .add(new io.referralrules.api.facts.Sale("S-1", TODAY.minusDays(200), java.math.BigDecimal.ONE, null)).build();

        // alone, a customer with one fact may take 10 firings
        assertThatThrownBy(() -> tight.assess(oneSale, TODAY))
                .isInstanceOfSatisfying(RuleFiringLimitException.class, e -> {
                    assertThat(e.firings()).isEqualTo(10);
                    assertThat(e.getMessage()).contains("for customer 'C-2'").contains("past the limit of 10 firings per assessment");
                });
        // in a batch the message gives the engine's limit, and still names a customer of the batch
        assertThatThrownBy(() -> tight.assessAll(List.of(CUSTOMER, oneSale), TODAY))
                .isInstanceOfSatisfying(RuleFiringLimitException.class, e -> {
                    assertThat(e.customerId()).isIn("C-1", "C-2");
                    assertThat(e.getMessage()).contains("past the limit of 1 firings per assessment");
                });
    }

    @Test
    void anEngineIsBuiltFromAPlaybookAndThresholdsTogether() {
        ReadinessPolicy patient = Playbook.POST_SALE_MOMENTUM.defaults().toBuilder().askCoolDownDays(120).build();

        ReferralReadinessEngine engine = ReferralRules.engine(Playbook.POST_SALE_MOMENTUM, patient);

        assertThat(engine.playbook()).isEqualTo(Playbook.POST_SALE_MOMENTUM.ref());
        assertThat(engine.policy()).isEqualTo(patient);
    }

    @Test
    void aTenantIdMustNotBeBlankWhateverTheCall() {
        TenantEngines tenants = new TenantEngines();

        for (String blank : new String[] {null, "", "  "}) {
            String shown = blank == null ? "null" : "'" + blank + "'";
            assertThatThrownBy(() -> tenants.find(blank)).isInstanceOf(InvalidInputException.class)
                    .hasMessage("tenantId must not be blank, was " + shown);
            assertThatThrownBy(() -> tenants.remove(blank)).isInstanceOf(InvalidInputException.class)
                    .hasMessage("tenantId must not be blank, was " + shown);
        }
        assertThat(tenants.find("acme")).isEmpty();
    }
}
