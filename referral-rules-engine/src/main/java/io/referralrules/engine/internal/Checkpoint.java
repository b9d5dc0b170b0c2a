package io.referralrules.engine.internal;

import java.time.LocalDate;

/**
 * A day on which the rules measure the trust builders: the assessment day ({@code askId == null}) or the day of an
 * early ask (to tell whether trust had been earned when it was made).
 */
public record Checkpoint(LocalDate date, String askId) {
    /** Whether this is the assessment day rather than the day of an ask. */
    public boolean forAssessment() {
        return askId == null;
    }
}
