package io.referralrules.book;

import io.referralrules.api.ReadinessAssessment;

import java.util.Objects;

/**
 * What an incremental run ({@link IncrementalBook}) did with one entry of the book, delivered in the book's order.
 *
 * @param index      the entry's position in the book, from 0
 * @param customerId the customer's id ({@code null} when a bad entry did not show one)
 * @param location   where the entry is in the source
 * @param change     what became of it
 * @param result     the entry's result as a {@link BookAssessor} gives it; {@code null} when it was {@link Change#SKIPPED},
 *                   failed exactly when the change is {@link Change#FAILED}
 */
public record IncrementalResult(long index, String customerId, String location, Change change, BookResult result) {
    /** What became of an entry. */
    public enum Change {
        /** Not assessed: its facts are those of the previous run and nothing in its answer is due yet. */
        SKIPPED,
        /** Assessed, and the previous state has no answer for it (a new customer, or no usable state). */
        NEW,
        /** Assessed, and its answer differs from the one in the previous state. */
        CHANGED,
        /** Assessed, and its answer is the one in the previous state. */
        UNCHANGED,
        /** Could not be read or assessed ({@link BookResult#problem()} says why). */
        FAILED
    }

    public IncrementalResult {
        Objects.requireNonNull(change, "change");
        if ((change == Change.SKIPPED) != (result == null)) {
            throw new IllegalArgumentException("an incremental result has a book result unless it was skipped (entry #" + index + ")");
        }
        if (result != null && result.failed() != (change == Change.FAILED)) {
            throw new IllegalArgumentException("an incremental result is " + Change.FAILED + " exactly when its book result failed (entry #"
                    + index + " is " + change + ")");
        }
    }

    /** Whether the answer is new or differs from the previous one: what {@code --changed-only} writes. */
    public boolean changed() {
        return change == Change.NEW || change == Change.CHANGED;
    }

    /** Whether the entry was assessed in this run (its answer changed or not). */
    public boolean assessed() {
        return change == Change.NEW || change == Change.CHANGED || change == Change.UNCHANGED;
    }

    /** The assessment, or {@code null} when the entry was skipped or failed. */
    public ReadinessAssessment assessment() {
        return result == null ? null : result.assessment();
    }
}
