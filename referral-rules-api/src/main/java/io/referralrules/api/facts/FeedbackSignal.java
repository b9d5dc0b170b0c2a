package io.referralrules.api.facts;

/** What a feedback or testimonial answer says about the relationship. */
public enum FeedbackSignal {
    /** The customer is pleased and would stand behind us. */
    GREEN_LIGHT,
    /** Neither a green light nor a complaint. */
    NEUTRAL,
    /** The customer is unhappy about something: a complaint blocks any ask until resolved. */
    COMPLAINT
}
