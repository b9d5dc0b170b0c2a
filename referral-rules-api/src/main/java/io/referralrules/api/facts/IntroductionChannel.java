package io.referralrules.api.facts;

/** How the customer contacts the prospect. */
public enum IntroductionChannel {
    /** A phone or video call. */
    CALL,
    /** An e-mail, ideally copying us. */
    EMAIL,
    /** A meeting in person. */
    MEETING,
    /** Any other channel. */
    OTHER
}
