package io.referralrules.api.facts;

import java.time.LocalDate;

/**
 * Something the host CRM recorded about one customer: every fact has the host's own {@code id}, so that
 * explanations can cite it, and the day it happened.
 *
 * <p>Day precision is enough for the method: all dates are {@link LocalDate}s in the host's business time zone,
 * and every window the rules use is counted in whole days. Every date of a fact lies within
 * {@link io.referralrules.api.Limits#EARLIEST_DATE} and {@link io.referralrules.api.Limits#LATEST_DATE} (the years
 * 1900-2999), so no window added to it can overflow. A fact dated after the assessment day is treated as
 * not yet happened, so the same snapshot can be re-assessed as of any earlier day.
 */
public sealed interface Fact permits Sale, ServiceInteraction, ProactiveAction, ExtraValue, ReferralGiven, SocialTouch,
        IndustryEvent, PositioningConversation, FeedbackAnswer, SurveyScore, Complaint, ReferralAsk, Introduction, FollowUp,
        ReferredSale {

    /** The host's identifier of this fact; unique among the facts of its kind in one snapshot. */
    String id();

    /** The day this fact happened (for a complaint, the day it was opened; for an introduction, the day it was agreed). */
    LocalDate date();
}
