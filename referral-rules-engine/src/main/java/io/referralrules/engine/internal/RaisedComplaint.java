package io.referralrules.engine.internal;

import java.time.LocalDate;

/** A complaint signal from a feedback answer or a detractor score, not yet matched with what settled it. */
public record RaisedComplaint(Subject subject, String factId, LocalDate date) implements OfSubject {
}
