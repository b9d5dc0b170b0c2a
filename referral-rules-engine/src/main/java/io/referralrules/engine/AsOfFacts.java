package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Fact;
import io.referralrules.api.facts.Introduction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot as it stood on the assessment day: facts dated after it have not happened yet, and a later
 * resolution or confirmation date has not happened either. Works on copies; the host's objects are never changed.
 */
final class AsOfFacts {
    private AsOfFacts() {
    }

    static List<Object> of(CustomerSnapshot snapshot, LocalDate asOf) {
        List<Object> facts = new ArrayList<>();
        facts.add(snapshot.customer());
        snapshot.facts().forEach(fact -> {
            if (!fact.date().isAfter(asOf)) {
                facts.add(asOf(fact, asOf));
            }
        });
        return facts;
    }

    private static Fact asOf(Fact fact, LocalDate asOf) {
        if (fact instanceof Complaint c && after(c.resolvedOn(), asOf)) {
            return new Complaint(c.id(), c.date(), null);
        }
        if (fact instanceof Introduction i && (after(i.confirmedOn(), asOf) || after(i.prospectContactedOn(), asOf))) {
            return new Introduction(i.id(), i.date(), i.askId(), i.prospectId(), i.channel(),
                    after(i.confirmedOn(), asOf) ? null : i.confirmedOn(),
                    after(i.prospectContactedOn(), asOf) ? null : i.prospectContactedOn());
        }
        return fact;
    }

    private static boolean after(LocalDate date, LocalDate asOf) {
        return date != null && date.isAfter(asOf);
    }
}
