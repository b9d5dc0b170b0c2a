package io.referralrules.engine.internal;

import io.referralrules.api.ReadinessPolicy;

import java.time.LocalDate;

/**
 * The assessment day, the policy and the first day of each window the rules count facts in, worked out once per
 * assessment instead of at every constraint evaluation. Each {@link Subject} carries its own, so customers assessed on
 * different days (the earliest-ask re-assessments) share a session.
 *
 * @param asOf                 the assessment day
 * @param policy               the thresholds
 * @param lookBackFrom         the first day of the look-back window
 * @param feedbackFrom         the first day a green light counts toward confirming trust
 * @param positioningFrom      the first day a sale still calls for a positioning conversation
 * @param momentumFrom         the first day a sale is still fresh for post-sale momentum
 * @param coolDownFrom         the first day an ask still cools the customer down
 * @param introductionWaitFrom the first day an ask still waits for the customer's introduction
 * @param vetoFrom             the first day a settled complaint still vetoes the ask
 */
public record Window(LocalDate asOf, ReadinessPolicy policy, LocalDate lookBackFrom, LocalDate feedbackFrom,
                     LocalDate positioningFrom, LocalDate momentumFrom, LocalDate coolDownFrom,
                     LocalDate introductionWaitFrom, LocalDate vetoFrom) {

    public static Window of(ReadinessPolicy p, LocalDate asOf) {
        return new Window(asOf, p, asOf.minusDays(p.lookbackDays()), asOf.minusDays(p.feedbackWindowDays()),
                asOf.minusDays(p.positioningWindowDays()), asOf.minusDays(p.momentumWindowDays()),
                asOf.minusDays(p.askCoolDownDays()), asOf.minusDays(p.introductionWaitDays()),
                asOf.minusDays(p.complaintVetoDays()));
    }
}
