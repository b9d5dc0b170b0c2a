package io.referralrules.flink;

import io.referralrules.api.CustomerSnapshot;

import java.time.LocalDate;

/**
 * What the job keeps per customer: the snapshot built from the customer's events, the digest of the last answer it
 * emitted, the revisit timer it registered and the last day it assessed on. Immutable. Written by
 * {@link CustomerStateSerializer} in the format {@code docs/flink.md} documents.
 *
 * @param snapshot   the customer's facts so far, or {@code null} before the customer is upserted
 * @param digest     {@link io.referralrules.api.ReadinessAssessment.Answer#digest()} of the last answer emitted, or
 *                   {@code null} before the first
 * @param timer      the time (epoch milliseconds) of the registered revisit timer, or {@link #NO_TIMER}
 * @param lastAsOf   the last day the customer was assessed on, or {@code null}; event-time assessment never goes back
 */
public record CustomerState(CustomerSnapshot snapshot, String digest, long timer, LocalDate lastAsOf) {
    /** No timer registered. */
    public static final long NO_TIMER = Long.MIN_VALUE;

    /** The state of a customer the job has not seen. */
    public static final CustomerState EMPTY = new CustomerState(null, null, NO_TIMER, null);

    /** This state with another snapshot. */
    public CustomerState withSnapshot(CustomerSnapshot next) {
        return new CustomerState(next, digest, timer, lastAsOf);
    }
}
