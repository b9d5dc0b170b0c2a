package io.referralrules.api;

/** What stands between a customer and {@link Stage#READY_TO_ASK}. */
public enum ObstacleKind {
    /** No sale has closed: there is no relationship to ask on. Needs a sale. */
    NO_SALE,
    /** A trust builder is not met (earned-trust). Needs new facts: the builder's remedy. */
    TRUST_BUILDER,
    /** Not enough recent green lights confirm the earned trust (earned-trust). Needs new feedback. */
    GREEN_LIGHTS,
    /** No feedback or testimonial conversation in the feedback window (earned-trust). Needs one. */
    TESTIMONIAL,
    /** The customer has not confirmed the latest sale works (post-sale-momentum). Needs a green light. */
    SOLUTION_NOT_CONFIRMED,
    /** The latest sale is older than the momentum window (post-sale-momentum). Needs a new sale. */
    MOMENTUM_PASSED,
    /** A complaint is open. Needs it resolved (a resolution date, or a green light after it). */
    OPEN_COMPLAINT,
    /** A complaint was settled too recently. Clears by itself when the veto ends. */
    COMPLAINT_VETO,
    /** An ask was made recently. Clears by itself when the cool-down ends. */
    COOL_DOWN,
    /** A fresh sale calls for the positioning conversation first (earned-trust). Clears when it is held, or by
     *  itself when the sale leaves the positioning window. */
    POSITIONING,
    /** An ask waits for the customer's introduction (clears by itself when the wait ends), or an introduction waits
     *  for the customer's confirmation (needs it). */
    AWAITING_INTRODUCTION,
    /** A follow-up to a referrer is owed. Needs it done. */
    FOLLOW_UP_OWED,
    /** One of the host's own rules vetoes the ask. Needs whatever that rule requires. */
    HOST_VETO
}
