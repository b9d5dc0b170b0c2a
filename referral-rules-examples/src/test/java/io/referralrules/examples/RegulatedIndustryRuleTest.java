package io.referralrules.examples;

import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Stage;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.RuleSource;
import io.referralrules.testkit.RuleTestKit;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

/** The worked example of docs/writing-rules.md: the host rule's own test, written with the rule test kit. */
class RegulatedIndustryRuleTest {
    // tag::kit[]
    static final RuleTestKit KIT = RuleTestKit.of(Playbook.EARNED_TRUST)
            .withHostRules(RuleSource.classpath("com/example/crm/rules/regulated-industries.drl"));
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    void aBankThatWouldBeReadyIsNeverAsked() {
        CustomerSnapshot bank = HostRulesExample.inIndustry(SampleCustomers.readyToAsk(), "banking");

        KIT.assess(bank, TODAY)
                .hasStage(Stage.BLOCKED)
                .hasStageDecidedBy("Customers in a regulated industry are never asked")
                .hasNoAction(ActionType.ASK_FOR_INTRODUCTION);
    }

    @Test
    void anEngineeringFirmWithTheSameHistoryIsAsked() {
        CustomerSnapshot engineering = HostRulesExample.inIndustry(SampleCustomers.readyToAsk(), "engineering");

        KIT.assess(engineering, TODAY)
                .hasStage(Stage.READY_TO_ASK)
                .hasAction(ActionType.ASK_FOR_INTRODUCTION)
                .didNotFire("Customers in a regulated industry are never asked");
    }
    // end::kit[]

    @Test
    void aCustomerWithoutTheAttributeIsAskedToo() {
        KIT.assess(SampleCustomers.readyToAsk(), TODAY).hasStage(Stage.READY_TO_ASK);
    }
}
