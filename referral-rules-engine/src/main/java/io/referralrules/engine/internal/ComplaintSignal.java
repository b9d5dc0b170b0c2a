package io.referralrules.engine.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A complaint from any source with the day it was settled ({@code null} while open as of the assessment day).
 * {@code evidence} holds the complaint's fact id and, when settled by a later green light, that fact's id.
 */
public record ComplaintSignal(Subject subject, String factId, LocalDate date, LocalDate settledOn, List<String> evidence)
        implements OfSubject {
}
