package io.referralrules.engine.internal;

import java.time.LocalDate;

/**
 * A day on which the rules measure a subject's trust builders: the assessment day ({@code askId == null}) or the day
 * of an early ask (to tell whether trust had been earned when it was made), with the first day of the look-back
 * window that ends on it.
 */
public record Checkpoint(Subject subject, LocalDate date, String askId, LocalDate from) implements OfSubject {
    /** Whether this is the assessment day rather than the day of an ask. */
    public boolean forAssessment() {
        return askId == null;
    }
}
