package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.Sale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the engine says when a host rule throws, and whom it credits for a result inserted through the runtime. */
class HostRuleFailuresTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final CustomerSnapshot CUSTOMER = CustomerSnapshot.builder(new Customer("C-7", CustomerType.BUSINESS, "rep-1", null))
            .add(new Sale("S-1", TODAY.minusDays(3), new BigDecimal("1000"), "slow invoicing")).build();

    static ReferralReadinessEngine withHostRules(String file, String drl) {
        return ReferralRules.engine(Playbook.EARNED_TRUST.withHostRules(file, "1", RuleSource.of(file, drl)));
    }

    @Test
    void aHostRuleThatThrowsNamesTheRuleTheCustomerAndTheDayButNoFreeText() {
        ReferralReadinessEngine engine = withHostRules("throws.drl", """
                        package test.throwing;
                        import io.referralrules.api.facts.Sale;
                        rule "A rule that throws"
                        when
                            Sale( $problem : problemSolved )
                        then
                            throw new IllegalArgumentException( "cannot handle " + $problem );
                        end
                        """);

        assertThatThrownBy(() -> engine.assess(CUSTOMER, TODAY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rule 'A rule that throws' failed for customer 'C-7' as of 2026-06-15")
                .hasRootCauseMessage("cannot handle slow invoicing");
    }

    @Test
    void aVetoInsertedThroughTheRuntimeIsCreditedToTheRuleThatFired() {
        ReferralReadinessEngine engine = withHostRules("runtime-insert.drl", """
                        package test.runtimeinsert;
                        import io.referralrules.api.facts.Customer;
                        import io.referralrules.engine.spi.AskVeto;
                        import java.util.List;
                        rule "Every customer is vetoed through the runtime"
                        when
                            Customer( $id : id )
                        then
                            kcontext.getKieRuntime().insert( new AskVeto( "Customer " + $id + " is vetoed.", List.of( $id ) ) );
                        end
                        """);

        ReadinessAssessment a = engine.assess(CUSTOMER, TODAY);

        assertThat(a.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(a.stageReason().rule()).isEqualTo("Every customer is vetoed through the runtime");
        assertThat(a.stageReason().file()).isEqualTo("runtime-insert.drl");
        assertThat(a.stageReason().message()).isEqualTo("Customer C-7 is vetoed.");
    }
}
