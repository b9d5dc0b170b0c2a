package io.referralrules.engine.internal;

import java.time.LocalDate;

/** An ask judged premature, so that a quick second ask can be judged a pushy chase. */
public record PrematureAsk(Subject subject, String askId, LocalDate date) implements OfSubject {
}
