package io.referralrules.api.facts;

/** The three follow-ups owed to a referrer. */
public enum FollowUpType {
    /** Thank the referrer for the introduction. */
    THANK_REFERRER,
    /** Tell the referrer how the contact with the prospect went, thanking them again. */
    STATUS_REPORT,
    /** The referral became a sale: thank the referrer once more, with a small gift. */
    THANK_YOU_GIFT
}
