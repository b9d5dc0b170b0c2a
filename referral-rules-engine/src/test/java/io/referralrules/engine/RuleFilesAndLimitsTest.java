package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReadinessPolicy;
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
 * Limits and tenant ids on the bundled playbooks: the smallest fire limit, how it grows with a customer's facts and in a
 * batch, an engine from a playbook and thresholds, and blank tenant ids. Where a host rule is written, the host rules'
 * fingerprint and a single compile error are tested in referral-rules-host-rules ({@code HostRuleFilesTest}).
 */
@DisplayName("Fire limits and tenant ids")
class RuleFilesAndLimitsTest {
    private static final CustomerSnapshot CUSTOMER = CustomerSnapshot.builder(new Customer("C-1", CustomerType.BUSINESS, "rep-1", null)).build();

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
