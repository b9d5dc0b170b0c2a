package io.referralrules.engine;

import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Per-tenant engines on the bundled playbooks. Tenants on host rules share one compilation too:
 * {@code TenantEnginesWithHostRulesTest} in referral-rules-host-rules, which compiles host DRL.
 */
@DisplayName("Per-tenant engines share compiled rules; thresholds never recompile them")
class TenantEnginesTest {
    private static DroolsReadinessEngine drools(ReferralReadinessEngine engine) {
        return (DroolsReadinessEngine) engine;
    }

    @Test
    void aSecondEngineWithOtherThresholdsReusesTheCompiledRules() {
        ReadinessPolicy patient = Playbook.EARNED_TRUST.defaults().toBuilder().askCoolDownDays(180).build();

        ReferralReadinessEngine first = ReferralRules.engine();
        ReferralReadinessEngine second = ReferralRules.engine(patient);

        assertThat(drools(second).kieBase()).isSameAs(drools(first).kieBase());
        assertThat(second.policy()).isEqualTo(patient);
    }

    @Test
    void tenantsOnTheSameBundledPlaybookShareOneKieBaseAndOtherPlaybooksHaveTheirOwn() {
        TenantEngines tenants = new TenantEngines();
        ReferralReadinessEngine acme = tenants.register("acme", Playbook.EARNED_TRUST,
                Playbook.EARNED_TRUST.defaults().toBuilder().greenLightsRequired(3).build());
        ReferralReadinessEngine initech = tenants.register("initech", Playbook.EARNED_TRUST);
        ReferralReadinessEngine globex = tenants.register("globex", Playbook.POST_SALE_MOMENTUM);

        assertThat(drools(acme).kieBase()).isSameAs(drools(initech).kieBase()).isSameAs(drools(ReferralRules.engine()).kieBase());
        assertThat(drools(globex).kieBase()).isNotSameAs(drools(acme).kieBase());
        assertThat(acme.policy().greenLightsRequired()).isEqualTo(3);
        assertThat(initech.policy()).isEqualTo(Playbook.EARNED_TRUST.defaults());
        assertThat(globex.playbook().id()).isEqualTo("post-sale-momentum");
        assertThat(tenants.tenants()).containsExactly("acme", "globex", "initech");
    }

    @Test
    void registeringATenantAgainReplacesItsEngine() {
        TenantEngines tenants = new TenantEngines();
        tenants.register("acme", Playbook.EARNED_TRUST);
        ReferralReadinessEngine replaced = tenants.register("acme", Playbook.POST_SALE_MOMENTUM);

        assertThat(tenants.engine("acme")).isSameAs(replaced);
        tenants.remove("acme");
        assertThat(tenants.find("acme")).isEmpty();
    }

    @Test
    void anUnknownOrBlankTenantIsRejectedByName() {
        TenantEngines tenants = new TenantEngines();
        tenants.register("acme", Playbook.EARNED_TRUST);

        assertThatThrownBy(() -> tenants.engine("globex")).isInstanceOf(InvalidInputException.class)
                .hasMessage("tenant has no engine registered, was 'globex' (registered: [acme])");
        assertThatThrownBy(() -> tenants.register(" ", Playbook.EARNED_TRUST)).isInstanceOf(InvalidInputException.class)
                .hasMessage("tenantId must not be blank, was ' '");
    }

    @Test
    void bundledPlaybooksAreFoundByIdAndAnUnknownIdListsTheKnownOnes() {
        assertThat(Playbook.byId("post-sale-momentum")).isSameAs(Playbook.POST_SALE_MOMENTUM);
        assertThatThrownBy(() -> Playbook.byId("earned-trust-v2")).isInstanceOf(InvalidInputException.class)
                .hasMessage("playbook is not a bundled playbook, was 'earned-trust-v2' (known: earned-trust, post-sale-momentum)");
    }
}
