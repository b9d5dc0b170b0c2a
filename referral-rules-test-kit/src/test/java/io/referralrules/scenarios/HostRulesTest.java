package io.referralrules.scenarios;

import io.referralrules.api.ActionType;
import io.referralrules.api.ProspectCircle;
import io.referralrules.api.ProspectHint;
import io.referralrules.api.Reason;
import io.referralrules.api.Stage;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.Sale;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.RuleSource;
import io.referralrules.testkit.RuleTestKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Host rules: veto, warn, propose, explain and hint, each under the host rule's name")
class HostRulesTest {
    static final RuleSource EVERY_RESULT = RuleSource.classpath("host-rules/every-result.drl");
    static final RuleTestKit EARNED_TRUST = RuleTestKit.of(Playbook.EARNED_TRUST).withHostRules(EVERY_RESULT);
    static final RuleTestKit MOMENTUM = RuleTestKit.of(Playbook.POST_SALE_MOMENTUM).withHostRules(EVERY_RESULT);

    @Test
    void aHostVetoBlocksACustomerWhoWouldBeReadyAndNamesTheHostRule() {
        EARNED_TRUST.assess(customerWith(Map.of("legalHold", "yes"), readyToAsk()), TODAY)
                .ranPlaybook("earned-trust+test")
                .hasStage(Stage.BLOCKED)
                .hasStageDecidedBy("Customers on a legal hold are never asked")
                .fired("A host rule's veto blocks the ask", "Customers on a legal hold are never asked")
                .hasNoAction(ActionType.ASK_FOR_INTRODUCTION);
    }

    @Test
    void withoutTheAttributeTheSameCustomerIsReady() {
        EARNED_TRUST.assess(customerWith(Map.of("legalHold", "no"), readyToAsk()), TODAY)
                .hasStage(Stage.READY_TO_ASK)
                .didNotFire("Customers on a legal hold are never asked", "A host rule's veto blocks the ask");
    }

    @Test
    void aVetoAppliesUnderEveryPlaybook() {
        MOMENTUM.assess(customerWith(Map.of("legalHold", "yes"), freshSaleConfirmed()), TODAY)
                .hasStage(Stage.BLOCKED).hasNoAction(ActionType.ASK_FOR_INTRODUCTION);
    }

    @Test
    void aHostActionCarriesTheHostsTalkTrackAndRuleName() {
        EARNED_TRUST.assess(customerWith(Map.of("tier", "strategic"), List.of(sale("S-1", 3))), TODAY)
                .hasActionSatisfying(ActionType.HOST_ACTION, action -> {
                    assertThat(action.talkTrack()).isEqualTo("example.invite-to-advisory-board");
                    assertThat(action.dueDate()).isEqualTo(daysAgo(2));
                    assertThat(action.overdueDays()).isEqualTo(2);
                    assertThat(action.subjectId()).isEqualTo("S-1");
                    assertThat(action.reason().rule()).isEqualTo("A strategic customer's sale earns an invitation to the advisory board");
                    assertThat(action.reason().evidence()).containsExactly("S-1");
                });
    }

    @Test
    void aHostWarningIsListedWithTheBundledOnes() {
        var a = EARNED_TRUST.assessment(customer(new Sale("S-1", daysAgo(3), new BigDecimal("500"), null)), TODAY);

        assertThat(a.warnings(WarningType.HOST_WARNING)).singleElement().satisfies(w -> {
            assertThat(w.date()).isEqualTo(daysAgo(3));
            assertThat(w.subjectId()).isEqualTo("S-1");
            assertThat(w.reason().rule()).isEqualTo("A sale without a stated problem is hard to refer from");
        });
    }

    @Test
    void aHostReasonAndAHostProspectHintJoinTheAnswer() {
        var a = EARNED_TRUST.assessment(customerWith(Map.of("segment", "partner"), readyToAsk()), TODAY);

        assertThat(a.reasons()).contains(new Reason("Partners are noted", "host-rules/every-result.drl", "Customer C-1 is also a partner.", List.of("C-1")));
        assertThat(a.action(ActionType.ASK_FOR_INTRODUCTION).orElseThrow().prospectHints())
                .contains(new ProspectHint(ProspectCircle.VENDORS, "their reseller network", List.of("C-1")))
                .hasSize(5);
    }

    @Test
    void hostRulesLeaveCustomersTheyDoNotMatchAsTheBundledRulesDecide() {
        for (var snapshot : ScenarioBook.all()) {
            var plain = RuleTestSupport.assess(snapshot);
            var withHost = EARNED_TRUST.assessment(snapshot, TODAY);
            assertThat(withHost.stage()).as(snapshot.customer().id()).isEqualTo(plain.stage());
            assertThat(withHost.actions()).isEqualTo(plain.actions());
        }
    }
}
