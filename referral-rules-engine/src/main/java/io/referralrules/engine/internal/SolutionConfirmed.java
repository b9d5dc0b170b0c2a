package io.referralrules.engine.internal;

/** Post-sale momentum: a green light since the latest sale, with no complaint after it, says the sale works. */
public record SolutionConfirmed(Subject subject, String saleId, String greenLightId) implements OfSubject {
}
