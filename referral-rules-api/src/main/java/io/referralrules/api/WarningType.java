package io.referralrules.api;

/** Something in the customer's history that hurts the relationship or the referral's quality. */
public enum WarningType {
    /** Asked soon after the first sale, before trust was earned. */
    PREMATURE_ASK,
    /** Asked again shortly after a premature ask. */
    PUSHY_CHASE,
    /** Asked soon after we gave the customer a referral: it looks like a trade. */
    TIT_FOR_TAT,
    /** Asked again within the cool-down of an earlier ask. */
    ASK_FATIGUE,
    /** Asked while a complaint was open. */
    ASK_DURING_COMPLAINT,
    /** Asked for names or contact details only: a cold lead. */
    BARE_CONTACT_ASK,
    /** A follow-up owed to a referrer is past its due date. */
    FOLLOW_UP_OVERDUE,
    /** Raised by one of the host's own rules; its reason names the rule. */
    HOST_WARNING
}
