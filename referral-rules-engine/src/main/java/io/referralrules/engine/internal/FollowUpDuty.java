package io.referralrules.engine.internal;

import io.referralrules.api.ActionType;

import java.time.LocalDate;
import java.util.List;

/** A follow-up owed to a referrer for one introduction and not done yet. */
public record FollowUpDuty(Subject subject, ActionType action, String introductionId, LocalDate due, List<String> evidence)
        implements OfSubject {
}
