package io.referralrules.engine.internal;

import java.time.LocalDate;

/** A green-light signal (a green-light feedback answer or a promoter score); {@code factId} is the source fact. */
public record GreenLight(Subject subject, String factId, LocalDate date) implements OfSubject {
}
