package io.referralrules.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The earliest day the ask could be allowed if nothing else changes (no new facts), or that there is none. When only
 * time-bound obstacles stand in the way, the engine re-assesses the same facts on the day the last of them clears and
 * reports that day only if the customer is then {@link Stage#READY_TO_ASK} (green lights or a sale may age out of
 * their windows meanwhile).
 *
 * @param date        the day, or {@code null} when new facts are needed
 * @param explanation why that day, or what new facts are needed
 */
public record EarliestAsk(LocalDate date, String explanation) {
    public EarliestAsk {
        Objects.requireNonNull(explanation, "explanation");
    }

    /** What an assessment made at {@link Detail#DECISION} says: the earliest ask day was not worked out. */
    public static EarliestAsk notWorkedOut() {
        return NOT_WORKED_OUT;
    }

    private static final EarliestAsk NOT_WORKED_OUT = new EarliestAsk(null, "Not worked out: assessed at decision detail.");

    /** The day, if time alone gets the customer there. */
    public Optional<LocalDate> day() {
        return Optional.ofNullable(date);
    }
}
