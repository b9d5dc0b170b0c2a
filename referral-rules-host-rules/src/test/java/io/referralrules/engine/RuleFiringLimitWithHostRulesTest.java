package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.Sale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Host rules that feed themselves, stopped by the fire limit of an engine or of a tenant registry. */
@DisplayName("A rule that feeds itself stops at the fire limit, naming the rule, the customer and the count")
class RuleFiringLimitWithHostRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final CustomerSnapshot CUSTOMER = CustomerSnapshot.builder(
                    new Customer("C-42", CustomerType.BUSINESS, "rep-1", null))
            .add(new Sale("S-1", TODAY.minusDays(3), new BigDecimal("100"), null)).build();

    private static Playbook withHostRules(String resource) {
        return Playbook.EARNED_TRUST.withHostRules("runaway", "1", RuleSource.classpath(resource));
    }

    @Test
    void aRuleInsertingWhatItMatchesStopsAtTheDefaultLimit() {
        ReferralReadinessEngine engine = ReferralRules.engine(withHostRules("host-rules/runaway-insert.drl"));

        assertThatThrownBy(() -> engine.assess(CUSTOMER, TODAY))
                .isInstanceOfSatisfying(RuleFiringLimitException.class, e -> {
                    assertThat(e.rule()).isEqualTo("Tick");
                    assertThat(e.customerId()).isEqualTo("C-42");
                    assertThat(e.firings()).isEqualTo(ReferralRules.DEFAULT_FIRE_LIMIT);
                    assertThat(e.getMessage()).contains("rule 'Tick'", "customer 'C-42' as of 2026-06-15",
                            "limit of 100000 firings per assessment");
                });
    }

    @Test
    void aRuleModifyingWhatItMatchesStopsAtAConfiguredLimit() {
        ReferralReadinessEngine engine = ReferralRules.builder()
                .playbook(withHostRules("host-rules/runaway-modify.drl")).fireLimit(500).build();

        assertThatThrownBy(() -> engine.assess(CUSTOMER, TODAY))
                .isInstanceOfSatisfying(RuleFiringLimitException.class, e -> {
                    assertThat(e.rule()).isEqualTo("Count forever");
                    assertThat(e.customerId()).isEqualTo("C-42");
                    assertThat(e.firings()).isEqualTo(500);
                });
    }

    @Test
    void tenantEnginesApplyTheirLimitToEveryTenant() {
        TenantEngines tenants = new TenantEngines(200);
        tenants.register("acme", withHostRules("host-rules/runaway-insert.drl"));

        assertThatThrownBy(() -> tenants.engine("acme").assess(CUSTOMER, TODAY))
                .isInstanceOfSatisfying(RuleFiringLimitException.class, e -> assertThat(e.firings()).isEqualTo(200));
    }
}
