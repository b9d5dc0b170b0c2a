package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;

/**
 * The outcome for one entry of a book, delivered in the book's order.
 *
 * @param index      the entry's position in the book, from 0
 * @param customerId the customer's id, or {@code null} when a bad entry did not show one
 * @param location   where the entry is in the source
 * @param snapshot   the snapshot assessed, or {@code null} on failure
 * @param assessment the assessment, or {@code null} on failure
 * @param problem    why the entry failed, or {@code null}
 */
public record BookResult(long index, String customerId, String location, CustomerSnapshot snapshot,
                         ReadinessAssessment assessment, String problem) {

    /** Whether the entry could not be read or assessed. */
    public boolean failed() {
        return problem != null;
    }
}
