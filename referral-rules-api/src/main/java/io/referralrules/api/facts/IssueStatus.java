package io.referralrules.api.facts;

/** Where a service interaction's issue stands today. */
public enum IssueStatus {
    /** Settled to the customer's satisfaction or closed. */
    RESOLVED,
    /** Still being worked on. */
    OPEN,
    /** Still open and escalated beyond first-line service. */
    ESCALATED;

    /** Whether the issue is still unsettled ({@link #OPEN} or {@link #ESCALATED}). */
    public boolean unresolved() {
        return this != RESOLVED;
    }
}
