package io.referralrules.api.facts;

/** What a referral ask requested. */
public enum AskType {
    /** The customer was asked to contact the prospect themselves (call or e-mail) and to confirm back. */
    INTRODUCTION,
    /** The customer was only asked for names or contact details: a cold lead. */
    NAMES_ONLY
}
