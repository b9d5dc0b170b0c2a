package io.referralrules.api;

/** What the salesperson should do next. */
public enum ActionType {
    /** Hold the positioning conversation after a sale closes. */
    HOLD_POSITIONING_CONVERSATION,
    /** Raise service quality: more contact, better ratings, settle open issues. */
    IMPROVE_SERVICE,
    /** Anticipate a need and handle it before the customer asks. */
    TAKE_PROACTIVE_ACTION,
    /** Give something useful beyond the contract. */
    DELIVER_EXTRA_VALUE,
    /** Refer a business lead to the customer. */
    GIVE_A_REFERRAL,
    /** Make contact outside strict business. */
    BUILD_RELATIONSHIP,
    /** Ask for a testimonial or hold a feedback conversation. */
    REQUEST_TESTIMONIAL,
    /** Settle the customer's open complaint. */
    RESOLVE_COMPLAINT,
    /** Ask the customer to contact a prospect and confirm back (an action, not a name). */
    ASK_FOR_INTRODUCTION,
    /** Remind the customer to confirm they contacted the prospect. */
    CONFIRM_INTRODUCTION,
    /** Follow-up 1: thank the referrer for the introduction. */
    THANK_REFERRER,
    /** Follow-up 2: after contacting the prospect, report back to the referrer. */
    SEND_STATUS_REPORT,
    /** Follow-up 3: the referral became a sale; thank the referrer with a small gift. */
    SEND_THANK_YOU_GIFT,
    /** An action proposed by one of the host's own rules; its reason names the rule and its talk track the wording. */
    HOST_ACTION
}
