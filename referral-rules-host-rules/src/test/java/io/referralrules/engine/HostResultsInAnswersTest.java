package io.referralrules.engine;

import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.NextAction;
import io.referralrules.api.Obstacle;
import io.referralrules.api.ObstacleKind;
import io.referralrules.api.ProspectCircle;
import io.referralrules.api.ProspectHint;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Reason;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.Warning;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.referralrules.engine.AnswersInFullTest.TODAY;
import static io.referralrules.engine.AnswersInFullTest.daysAgo;
import static io.referralrules.engine.AnswersInFullTest.ready;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What host rules conclude, as a CRM reads it in the answer: a warning, an action (with its days overdue and the host's
 * talk track), a reason, a prospect hint on the ask and a veto, each credited to the host rule and file that concluded
 * it; the rules that fired include the host's; the host's facts, day and thresholds are what its rules see.
 */
@DisplayName("Host rules in the answer: every kind of result, credited to its rule")
class HostResultsInAnswersTest {
    private static final String DRL = """
            package com.acme.rules;
            import io.referralrules.api.ProspectCircle;
            import io.referralrules.api.ProspectHint;
            import io.referralrules.api.ReadinessPolicy;
            import io.referralrules.api.facts.Customer;
            import io.referralrules.api.facts.Sale;
            import io.referralrules.engine.spi.AsOf;
            import io.referralrules.engine.spi.AskVeto;
            import io.referralrules.engine.spi.HostAction;
            import io.referralrules.engine.spi.HostReason;
            import io.referralrules.engine.spi.HostWarning;
            import java.util.List;

            rule "Large accounts get a quarterly review"
            when
                AsOf( $today : date )
                $sale : Sale( amount >= 5000 )
            then
                insert( new HostAction( $today.minusDays( 4 ), $sale.id(), "acme.quarterly-review",
                        "Review account after sale " + $sale.id() + ".", List.of( $sale.id() ) ) );
            end

            rule "Accounts without a segment are flagged"
            when
                AsOf( $today : date )
                Customer( attribute( "segment" ) == null, $id : id )
            then
                insert( new HostWarning( $today.minusDays( 1 ), $id, "Customer " + $id + " has no segment.", List.of( $id ) ) );
            end

            rule "The policy's cool-down is noted"
            when
                ReadinessPolicy( $days : askCoolDownDays )
            then
                insert( new HostReason( "Cool-down of " + $days + " days.", List.of() ) );
            end

            rule "Partners are a circle of their own"
            when
                Customer( attribute( "partner" ) != null, $partner : attribute( "partner" ) )
            then
                insert( new ProspectHint( ProspectCircle.VENDORS, "partner network", List.of( "partner" ) ) );
            end

            rule "Regulated customers are never asked"
            when
                Customer( attribute( "industry" ) == "banking", $id : id )
            then
                insert( new AskVeto( "Customer " + $id + " is regulated.", List.of( $id ) ) );
            end
            """;

    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine(Playbook.EARNED_TRUST.withHostRules("acme-earned-trust",
            "2026.11", RuleSource.of("com/acme/rules/acme.drl", DRL)));

    private static CustomerSnapshot customer(Map<String, String> attributes) {
        return CustomerSnapshot.builder(new Customer("C-1", CustomerType.BUSINESS, "rep-1", null, attributes)).addAll(ready()).build();
    }

    @Test
    void aReadyCustomerGetsTheHostsActionWarningReasonAndHintBesideTheBundledAnswer() {
        ReadinessAssessment a = ENGINE.assess(customer(Map.of("partner", "yes")), TODAY);

        assertThat(a.stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(a.playbook()).hasToString("acme-earned-trust@2026.11");

        NextAction review = a.action(ActionType.HOST_ACTION).orElseThrow();
        assertThat(review.dueDate()).isEqualTo(daysAgo(4));
        assertThat(review.overdueDays()).isEqualTo(4);
        assertThat(review.subjectId()).isEqualTo("S-1");
        assertThat(review.talkTrack()).isEqualTo("acme.quarterly-review");
        assertThat(review.reason()).isEqualTo(new Reason("Large accounts get a quarterly review", "com/acme/rules/acme.drl",
                "Review account after sale S-1.", List.of("S-1")));
        // the overdue host action comes first
        assertThat(a.actions().get(0)).isEqualTo(review);

        assertThat(a.warnings()).extracting(Warning::type, Warning::date, Warning::subjectId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(WarningType.HOST_WARNING, daysAgo(1), "C-1"));
        assertThat(a.warnings().get(0).reason().rule()).isEqualTo("Accounts without a segment are flagged");

        assertThat(a.reasons()).contains(new Reason("The policy's cool-down is noted", "com/acme/rules/acme.drl",
                "Cool-down of 90 days.", List.of()));

        assertThat(a.action(ActionType.ASK_FOR_INTRODUCTION).orElseThrow().prospectHints())
                .contains(new ProspectHint(ProspectCircle.VENDORS, "partner network", List.of("partner")))
                .contains(new ProspectHint(ProspectCircle.VENDORS, null, List.of("C-1")));
        assertThat(a.firedRules()).isSorted().contains("Large accounts get a quarterly review", "Partners are a circle of their own",
                "Accounts without a segment are flagged", "The policy's cool-down is noted");
    }

    @Test
    void aHostVetoBlocksTheCustomerAndSaysWhatTheRuleRequires() {
        ReadinessAssessment a = ENGINE.assess(customer(Map.of("industry", "banking", "segment", "retail")), TODAY);

        assertThat(a.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(a.stageReason()).isEqualTo(new Reason("Regulated customers are never asked", "com/acme/rules/acme.drl",
                "Customer C-1 is regulated.", List.of("C-1")));
        assertThat(a.warnings()).isEmpty();
        Obstacle veto = a.whyNot(ObstacleKind.HOST_VETO).get(0);
        assertThat(veto.measured()).isEqualTo("Customer C-1 is regulated.");
        assertThat(veto.remedy()).isEqualTo("whatever host rule 'Regulated customers are never asked' requires");
        assertThat(a.earliestAsk().day()).isEmpty();
        assertThat(a.actions(ActionType.ASK_FOR_INTRODUCTION)).isEmpty();
    }

    @Test
    void aBatchUnderHostRulesIsDecidedOneCustomerAtATimeWithTheSameAnswers() {
        // an engine of its own, built here, so that what building it does is part of this test
        ReferralReadinessEngine engine = ReferralRules.engine(Playbook.EARNED_TRUST.withHostRules("acme-earned-trust", "2026.11",
                RuleSource.of("com/acme/rules/acme.drl", DRL)));
        CustomerSnapshot vetoed = customer(Map.of("industry", "banking"));
        CustomerSnapshot partner = customer(Map.of("partner", "yes", "segment", "retail"));

        List<ReadinessAssessment> both = engine.assessAll(List.of(vetoed, partner), TODAY);

        assertThat(both).containsExactly(engine.assess(vetoed, TODAY), engine.assess(partner, TODAY));
        assertThat(both.get(0).stage()).isEqualTo(Stage.BLOCKED);
        assertThat(both.get(1).stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(both.get(1).warnings()).isEmpty();
    }
}
