package io.referralrules.api;

/**
 * Where a customer stands in the referral cycle. An assessment has exactly one stage.
 *
 * <p>When several stages apply, the one listed first here wins ({@link #outranks}; this order is the only place
 * the precedence is written, and {@code stage.drl} decides by it): a referral in progress outranks everything, a complaint outranks readiness, and a fresh sale
 * calls for positioning before anything else. The actions of the stages that lost are still listed in the assessment.
 */
public enum Stage {
    /** An introduction was made or agreed and a follow-up to the referrer is still owed. */
    FOLLOWING_UP,
    /** We asked, or the customer agreed to introduce a prospect, and the introduction is not confirmed yet. */
    AWAITING_INTRODUCTION,
    /** A complaint is open, or was resolved too recently: no ask until it is settled and the veto has expired. */
    BLOCKED,
    /** An ask was made recently: wait for the cool-down to end before asking again. */
    COOLING_DOWN,
    /** A sale closed recently and the positioning conversation has not been held. */
    POSITIONING,
    /** Trust is earned and confirmed by enough green lights: ask for an introduction. */
    READY_TO_ASK,
    /** Trust is earned; confirm it with a testimonial or feedback conversation before asking. */
    CONFIRMING,
    /** There is a relationship, but the trust builders needed to earn the right to ask are not all met. */
    EARNING_TRUST,
    /** No closed sale yet: never ask. */
    NO_RELATIONSHIP;

    /** Whether this stage wins over {@code other} when both apply: it is listed before it. */
    public boolean outranks(Stage other) {
        return ordinal() < java.util.Objects.requireNonNull(other, "other").ordinal();
    }
}
