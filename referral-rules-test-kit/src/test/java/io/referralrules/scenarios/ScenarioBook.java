package io.referralrules.scenarios;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.facts.Fact;
import io.referralrules.api.facts.FollowUpType;

import java.util.List;

import static io.referralrules.scenarios.Facts.*;

/** A handful of customers that together fire every bundled rule, for tests that compare whole assessments. */
final class ScenarioBook {
    private ScenarioBook() {
    }

    static List<CustomerSnapshot> all() {
        return List.of(
                customer(),
                customer(ask("A-1", 3)),
                customer(sale("S-1", 4)),
                customer(join(freshSaleConfirmed(), List.of(industryEvent("EV-1", 40, "Regional Logistics Summit")))),
                individual(readyToAsk().toArray(Fact[]::new)),
                customer(sale("S-1", 60), ask("A-1", 59), namesOnlyAsk("A-2", 55), service("SI-1", 30, 3)),
                customer(trustEarned()),
                customer(readyToAsk()),
                customer(join(trustEarned(), List.of(complaintAnswer("FA-1", 50), greenLight("FA-2", 20), nps("NPS-1", 12, 9)))),
                customer(join(trustEarned(), List.of(nps("NPS-1", 5, 3), complaint("CP-1", 30, null), namesOnlyAsk("A-1", 20)))),
                customer(join(readyToAsk(), List.of(ask("A-1", 66), ask("A-2", 5)))),
                customer(join(readyToAsk(), List.of(ask("A-1", 40), introduction("I-1", 38, "A-1", null, 30),
                        referredSale("RS-1", 12, "I-1")))),
                customer(join(readyToAsk(), List.of(ask("A-1", 60), introduction("I-1", 58, "A-1", 55, 50),
                        followUp("F-1", 57, "I-1", FollowUpType.THANK_REFERRER),
                        followUp("F-2", 47, "I-1", FollowUpType.STATUS_REPORT),
                        referredSale("RS-1", 20, "I-1"), followUp("F-3", 14, "I-1", FollowUpType.THANK_YOU_GIFT)))));
    }
}
