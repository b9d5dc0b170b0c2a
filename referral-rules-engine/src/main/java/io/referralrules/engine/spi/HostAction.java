package io.referralrules.engine.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A host rule proposes an action: listed as a {@link io.referralrules.api.ActionType#HOST_ACTION} whose reason names
 * the host rule and whose talk track is the host's key for its own wording.
 *
 * @param dueDate   the day it is due; overdue days are counted from the assessment day
 * @param subjectId the id of the fact it is about, or {@code null}
 * @param talkTrack the host's key for what to say or do, e.g. {@code acme.invite-to-user-group}
 * @param message   what to do and why
 * @param evidence  ids of the facts it rests on
 */
public record HostAction(LocalDate dueDate, String subjectId, String talkTrack, String message, List<String> evidence)
        implements HostResult {
    public HostAction {
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(talkTrack, "talkTrack");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
    }
}
