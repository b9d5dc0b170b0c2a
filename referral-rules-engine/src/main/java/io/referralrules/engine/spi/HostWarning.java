package io.referralrules.engine.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A host rule warns about something in the customer's history: listed as a warning of type
 * {@link io.referralrules.api.WarningType#HOST_WARNING} whose reason names the host rule.
 *
 * @param date      the day the warned-about thing happened
 * @param subjectId the id of the fact it is about, or {@code null}
 * @param message   what went wrong
 * @param evidence  ids of the facts it rests on
 */
public record HostWarning(LocalDate date, String subjectId, String message, List<String> evidence) implements HostResult {
    public HostWarning {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
    }
}
