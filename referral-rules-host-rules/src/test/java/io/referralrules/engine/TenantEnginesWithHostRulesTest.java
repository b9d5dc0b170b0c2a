package io.referralrules.engine;

import io.referralrules.api.ReferralReadinessEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-tenant engines on host rules (the bundled playbooks' cases are the engine module's {@code TenantEnginesTest}). */
@DisplayName("Tenants on the same host rules share one compilation")
class TenantEnginesWithHostRulesTest {
    private static final RuleSource HOST_RULE = RuleSource.of("acme/notes.drl", """
            package com.acme.rules;
            import io.referralrules.api.facts.Sale;
            import io.referralrules.engine.spi.HostReason;
            import java.util.List;
            rule "Every sale is noted"
            when
                Sale( $id : id )
            then
                insert( new HostReason( "noted", List.of( $id ) ) );
            end
            """);

    private static DroolsReadinessEngine drools(ReferralReadinessEngine engine) {
        return (DroolsReadinessEngine) engine;
    }

    @Test
    void tenantsOnTheSameHostRulesShareOneCompilationWhateverTheirIdsAndThresholds() {
        TenantEngines tenants = new TenantEngines();
        ReferralReadinessEngine acme = tenants.register("acme",
                Playbook.EARNED_TRUST.withHostRules("acme-earned-trust", "1", HOST_RULE));
        ReferralReadinessEngine acmeEu = tenants.register("acme-eu",
                Playbook.EARNED_TRUST.withHostRules("acme-earned-trust-eu", "1", HOST_RULE),
                Playbook.EARNED_TRUST.defaults().toBuilder().askCoolDownDays(120).build());
        ReferralReadinessEngine momentum = tenants.register("acme-fast",
                Playbook.POST_SALE_MOMENTUM.withHostRules("acme-momentum", "1", HOST_RULE));

        assertThat(drools(acmeEu).kieBase()).isSameAs(drools(acme).kieBase());
        assertThat(drools(momentum).kieBase()).isNotSameAs(drools(acme).kieBase());
        assertThat(acmeEu.playbook()).hasToString("acme-earned-trust-eu@1");
    }
}
