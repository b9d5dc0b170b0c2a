package io.referralrules.scenarios;

import io.referralrules.api.ActionType;
import io.referralrules.api.ProspectCircle;
import io.referralrules.api.ProspectHint;
import io.referralrules.api.facts.Fact;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Prospect hints: whom the customer could introduce")
class ProspectHintTest extends RuleTestSupport {

    @Test
    void aBusinessCustomerKnowsPeersItsOwnCustomersVendorsAndOtherDepartments() {
        then(customer(readyToAsk()))
                .fired("A business customer can introduce peers, its own customers, vendors and other departments")
                .didNotFire("A person can introduce friends, colleagues, family and neighbours")
                .hasProspectCircles(ProspectCircle.PEERS_AND_COMPETITORS, ProspectCircle.OWN_CUSTOMERS,
                        ProspectCircle.VENDORS, ProspectCircle.OTHER_DEPARTMENTS)
                .hasActionSatisfying(ActionType.ASK_FOR_INTRODUCTION, ask -> {
                    assertThat(ask.talkTrack()).isEqualTo("earned-trust.ask-for-introduction");
                    assertThat(ask.prospectHints()).allSatisfy(h -> assertThat(h.evidence()).containsExactly("C-1"));
                });
    }

    @Test
    void aPersonKnowsFriendsColleaguesFamilyAndNeighbours() {
        then(individual(readyToAsk().toArray(Fact[]::new)))
                .fired("A person can introduce friends, colleagues, family and neighbours")
                .hasProspectCircles(ProspectCircle.FRIENDS, ProspectCircle.COLLEAGUES, ProspectCircle.FAMILY,
                        ProspectCircle.NEIGHBOURS);
    }

    @Test
    void anIndustryEventTheCustomerAttendedWithinTheLookBackIsAPlaceToMeetProspects() {
        var a = assess(customer(join(readyToAsk(), List.of(industryEvent("EV-1", 365, "Regional Logistics Summit"),
                industryEvent("EV-2", 366, "An old fair")))));

        assertThat(a.firedRules()).containsOnlyOnce("An industry event the customer attends is a place to meet prospects");
        assertThat(a.action(ActionType.ASK_FOR_INTRODUCTION).orElseThrow().prospectHints())
                .filteredOn(h -> h.circle() == ProspectCircle.INDUSTRY_EVENT)
                .containsExactly(new ProspectHint(ProspectCircle.INDUSTRY_EVENT, "Regional Logistics Summit", List.of("EV-1")));
    }

    @Test
    void noHintsAreWorkedOutWhenTheCustomerIsNotReady() {
        then(customer(join(trustEarned(), List.of(industryEvent("EV-1", 10, "Regional Logistics Summit")))))
                .hasNoAction(ActionType.ASK_FOR_INTRODUCTION)
                .didNotFire("A business customer can introduce peers, its own customers, vendors and other departments",
                        "An industry event the customer attends is a place to meet prospects");
    }

    @Test
    void onlyTheAskCarriesHints() {
        var a = assess(customer(sale("S-1", 3)));

        assertThat(a.actions()).isNotEmpty().allSatisfy(action -> {
            assertThat(action.prospectHints()).isEmpty();
            assertThat(action.talkTrack()).isNull();
        });
    }
}
