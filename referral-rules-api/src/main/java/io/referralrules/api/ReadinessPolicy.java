package io.referralrules.api;

import io.referralrules.api.facts.SurveyType;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Every threshold the rules use, in one immutable object. The rules never hold a number of their own: they read this
 * object as a fact, so one compiled rule set serves any number of policies (one per tenant, say) without a rebuild.
 *
 * <p>Each playbook has its own defaults ({@link #defaults()} are the earned-trust playbook's; the engine module's
 * {@code Playbook.defaults()} gives each playbook's). A threshold only one playbook reads is ignored by the other:
 * the positioning, premature-ask and trust-builder counts belong to earned-trust, {@code momentumWindowDays} to
 * post-sale-momentum. {@code io.referralrules.json.PolicyJson} (referral-rules-json) reads a policy from a JSON file.
 *
 * <p>The constructor (and so {@link Builder#build()}) throws an {@link InvalidInputException} naming the field when a
 * value is impossible: a negative window, a day count above {@link Limits#MAX_POLICY_DAYS} (so that no date
 * arithmetic on dates within {@link Limits} can overflow), a rating off the 1-5 scale, more builders required than exist, a detractor
 * cut-off at or above the promoter one, a window longer than the look-back it is measured in, a CSAT or CES reading
 * off its scale.
 *
 * <p>Two switches, off by default, count CSAT and CES scores exactly as NPS scores are counted: a satisfied CSAT or an
 * easy CES is a green light, a dissatisfied CSAT or a hard CES raises a complaint that stays open until a later green
 * light, in the same windows ({@code csatFeedback}, {@code cesFeedback}: a {@link SurveyReading} when on,
 * {@code null} when off). A switch that is off holds no thresholds, so a policy with both off is equal to, hashes
 * like and is written like a policy from before the switches existed.
 *
 * <p>Day windows are counted in whole days and are inclusive: "within N days" of an event means on the event's day or
 * up to N days after it (a sale closed 30 days ago is within a 30-day window, one closed 31 days ago is not), and a
 * period of N days after an event lasts through the N-th day after it.
 *
 * <pre>{@code
 * ReadinessPolicy strict = ReadinessPolicy.defaults().toBuilder()
 *         .greenLightsRequired(3)
 *         .askCoolDownDays(120)
 *         .build();
 * }</pre>
 *
 * @param positioningWindowDays    a sale closed within this many days, with no positioning conversation since, puts the
 *                                 customer in {@link Stage#POSITIONING} (default 30)
 * @param positioningDueDays       the positioning conversation is due this many days after the close (default 1)
 * @param lookbackDays             how far back trust builders, complaint signals, ask warnings and follow-ups are looked
 *                                 at (default 365)
 * @param serviceMinInteractions   service quality needs at least this many interactions (default 2)
 * @param serviceMinAverageRating  and an average satisfaction of at least this, on the 1-5 scale (default 4.0)
 * @param proactiveMinActions      proactive care needs at least this many proactive actions (default 1)
 * @param extraValueMinDeliveries  extra value needs at least this many deliveries (default 1)
 * @param reciprocityMinReferrals  reciprocity needs at least this many referrals given to the customer (default 1)
 * @param relationshipMinTouches   relationship needs at least this many social touches (default 1)
 * @param trustBuildersRequired    trust is earned when at least this many of the five builders are met (default 3)...
 * @param mandatoryTrustBuilders   ...including all of these (default service quality and reciprocity)
 * @param feedbackWindowDays       a feedback conversation within this many days is recent; older green lights do
 *                                 not count (default 90)
 * @param greenLightsRequired      green lights needed to confirm trust (default 2)
 * @param npsPromoterMin           an NPS at or above this is a green light (default 9)
 * @param npsDetractorMax          an NPS at or below this is a complaint (default 6)
 * @param complaintVetoDays        after a complaint is resolved the ask stays vetoed this many days (default 30)
 * @param prematureAskDays         an ask within this many days of the first sale, before trust was earned, is
 *                                 premature (default 14)
 * @param pushyChaseDays           another ask within this many days after a premature one is a pushy chase (default 7)
 * @param titForTatDays            an ask within this many days after we gave the customer a referral looks like a
 *                                 trade (default 14)
 * @param askCoolDownDays          after an ask, the customer cools down this many days; another ask within it is ask
 *                                 fatigue (default 90)
 * @param introductionWaitDays     an ask or an agreed introduction is awaited this many days before the customer is
 *                                 reminded to confirm (default 7)
 * @param thankReferrerDays        thank the referrer this many days after the introduction was agreed (default 1)
 * @param statusReportDays         report to the referrer this many days after we first contacted the prospect
 *                                 (default 3)
 * @param thankYouGiftDays         send the thank-you gift this many days after the referred sale (default 7)
 * @param momentumWindowDays       post-sale-momentum only: a sale closed within this many days, confirmed by a green
 *                                 light since, makes the customer ready to ask (default 30; at most lookbackDays)
 * @param csatFeedback             when not {@code null}, CSAT scores count as NPS scores do, read this way: satisfied
 *                                 scores are green lights, dissatisfied ones raise complaints (the industry reading,
 *                                 {@link SurveyReading#industry SurveyReading.industry(CSAT)}: 4-5 and 1-2 of 5);
 *                                 {@code null}, the default, leaves CSAT to host rules and reports
 * @param cesFeedback              likewise for CES scores (the industry reading: easy 5-7, hard 1-3 of 7); default
 *                                 {@code null}
 */
public record ReadinessPolicy(int positioningWindowDays, int positioningDueDays, int lookbackDays,
                              int serviceMinInteractions, double serviceMinAverageRating, int proactiveMinActions,
                              int extraValueMinDeliveries, int reciprocityMinReferrals, int relationshipMinTouches,
                              int trustBuildersRequired, Set<TrustBuilder> mandatoryTrustBuilders,
                              int feedbackWindowDays, int greenLightsRequired, int npsPromoterMin, int npsDetractorMax,
                              int complaintVetoDays, int prematureAskDays, int pushyChaseDays, int titForTatDays,
                              int askCoolDownDays, int introductionWaitDays, int thankReferrerDays,
                              int statusReportDays, int thankYouGiftDays, int momentumWindowDays,
                              SurveyReading csatFeedback, SurveyReading cesFeedback) {

    private static final ReadinessPolicy DEFAULTS = new ReadinessPolicy(30, 1, 365, 2, 4.0, 1, 1, 1, 1, 3,
            EnumSet.of(TrustBuilder.SERVICE_QUALITY, TrustBuilder.RECIPROCITY), 90, 2, 9, 6, 30, 14, 7, 14, 90, 7, 1,
            3, 7, 30, null, null);

    public ReadinessPolicy {
        days("positioningWindowDays", positioningWindowDays);
        days("positioningDueDays", positioningDueDays);
        days("lookbackDays", lookbackDays);
        nonNegative("serviceMinInteractions", serviceMinInteractions);
        if (!(serviceMinAverageRating >= 1.0 && serviceMinAverageRating <= 5.0)) {
            throw invalid("serviceMinAverageRating", "must be between 1.0 and 5.0, was " + serviceMinAverageRating);
        }
        nonNegative("proactiveMinActions", proactiveMinActions);
        nonNegative("extraValueMinDeliveries", extraValueMinDeliveries);
        nonNegative("reciprocityMinReferrals", reciprocityMinReferrals);
        nonNegative("relationshipMinTouches", relationshipMinTouches);
        int builders = TrustBuilder.values().length;
        if (trustBuildersRequired < 0 || trustBuildersRequired > builders) {
            throw invalid("trustBuildersRequired", "must be between 0 and " + builders + ", was " + trustBuildersRequired);
        }
        if (mandatoryTrustBuilders == null || mandatoryTrustBuilders.stream().anyMatch(Objects::isNull)) {
            throw invalid("mandatoryTrustBuilders", "must not be or contain null, was " + mandatoryTrustBuilders);
        }
        // an unmodifiable EnumSet iterates in TrustBuilder order, so messages and hashes are the same on every JVM
        mandatoryTrustBuilders = mandatoryTrustBuilders.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(TrustBuilder.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(mandatoryTrustBuilders));
        days("feedbackWindowDays", feedbackWindowDays);
        nonNegative("greenLightsRequired", greenLightsRequired);
        if (npsPromoterMin < 0 || npsPromoterMin > 10) {
            throw invalid("npsPromoterMin", "must be between 0 and 10, was " + npsPromoterMin);
        }
        if (npsDetractorMax < -1 || npsDetractorMax >= npsPromoterMin) {
            throw invalid("npsDetractorMax", "must be between -1 (no detractors) and npsPromoterMin - 1 ("
                    + (npsPromoterMin - 1) + "), was " + npsDetractorMax);
        }
        days("complaintVetoDays", complaintVetoDays);
        days("prematureAskDays", prematureAskDays);
        days("pushyChaseDays", pushyChaseDays);
        days("titForTatDays", titForTatDays);
        days("askCoolDownDays", askCoolDownDays);
        days("introductionWaitDays", introductionWaitDays);
        days("thankReferrerDays", thankReferrerDays);
        days("statusReportDays", statusReportDays);
        days("thankYouGiftDays", thankYouGiftDays);
        days("momentumWindowDays", momentumWindowDays);
        // green lights are only looked for within the look-back: a longer window would be cut short without a word
        withinLookback("feedbackWindowDays", feedbackWindowDays, lookbackDays);
        withinLookback("momentumWindowDays", momentumWindowDays, lookbackDays);
        reading("csatFeedback", csatFeedback, SurveyType.CSAT);
        reading("cesFeedback", cesFeedback, SurveyType.CES);
    }

    /**
     * A policy that does not count CSAT or CES scores (both switches off), as policies were before those switches
     * existed.
     *
     * @throws InvalidInputException naming the field, as the canonical constructor does
     */
    public ReadinessPolicy(int positioningWindowDays, int positioningDueDays, int lookbackDays,
                           int serviceMinInteractions, double serviceMinAverageRating, int proactiveMinActions,
                           int extraValueMinDeliveries, int reciprocityMinReferrals, int relationshipMinTouches,
                           int trustBuildersRequired, Set<TrustBuilder> mandatoryTrustBuilders,
                           int feedbackWindowDays, int greenLightsRequired, int npsPromoterMin, int npsDetractorMax,
                           int complaintVetoDays, int prematureAskDays, int pushyChaseDays, int titForTatDays,
                           int askCoolDownDays, int introductionWaitDays, int thankReferrerDays,
                           int statusReportDays, int thankYouGiftDays, int momentumWindowDays) {
        this(positioningWindowDays, positioningDueDays, lookbackDays, serviceMinInteractions, serviceMinAverageRating,
                proactiveMinActions, extraValueMinDeliveries, reciprocityMinReferrals, relationshipMinTouches,
                trustBuildersRequired, mandatoryTrustBuilders, feedbackWindowDays, greenLightsRequired, npsPromoterMin,
                npsDetractorMax, complaintVetoDays, prematureAskDays, pushyChaseDays, titForTatDays, askCoolDownDays,
                introductionWaitDays, thankReferrerDays, statusReportDays, thankYouGiftDays, momentumWindowDays,
                null, null);
    }

    /**
     * A switched-on reading of a scale: the green-light cut-off within the scale, the complaint cut-off from one below
     * the scale (no complaints) to one below the green-light cut-off. Off ({@code null}) is always valid.
     */
    private static void reading(String field, SurveyReading reading, SurveyType scale) {
        if (reading == null) {
            return;
        }
        if (reading.greenLightMin() < scale.min() || reading.greenLightMin() > scale.max()) {
            throw invalid(field + ".greenLightMin", "must be between " + scale.min() + " and " + scale.max()
                    + ", was " + reading.greenLightMin());
        }
        if (reading.complaintMax() < scale.min() - 1 || reading.complaintMax() >= reading.greenLightMin()) {
            throw invalid(field + ".complaintMax", "must be between " + (scale.min() - 1) + " (no complaints) and "
                    + field + ".greenLightMin - 1 (" + (reading.greenLightMin() - 1) + "), was " + reading.complaintMax());
        }
    }

    private static void nonNegative(String field, int value) {
        if (value < 0) {
            throw invalid(field, "must not be negative, was " + value);
        }
    }

    /** A day count: never negative, and at most {@link Limits#MAX_POLICY_DAYS} so no date arithmetic can overflow. */
    private static void days(String field, int value) {
        nonNegative(field, value);
        if (value > Limits.MAX_POLICY_DAYS) {
            throw invalid(field, "must be between 0 and " + Limits.MAX_POLICY_DAYS + " days, was " + value);
        }
    }

    private static void withinLookback(String field, int value, int lookbackDays) {
        if (value > lookbackDays) {
            throw invalid(field, "must not exceed lookbackDays (" + lookbackDays + "), was " + value);
        }
    }

    private static InvalidInputException invalid(String field, String problem) {
        return new InvalidInputException("ReadinessPolicy." + field + " " + problem, field, problem);
    }

    /** The earned-trust method's defaults. */
    public static ReadinessPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * How this policy reads a survey scale, or {@code null} when its scores count for nothing in the rules: NPS
     * always ({@code npsPromoterMin}, {@code npsDetractorMax}), CSAT and CES only while their switch is on.
     */
    public SurveyReading reading(SurveyType type) {
        return switch (Objects.requireNonNull(type, "type")) {
            case NPS -> new SurveyReading(npsPromoterMin, npsDetractorMax);
            case CSAT -> csatFeedback;
            case CES -> cesFeedback;
        };
    }

    /** Whether the builder must be met for trust to be earned. */
    public boolean mandatory(TrustBuilder builder) {
        return mandatoryTrustBuilders.contains(Objects.requireNonNull(builder, "builder"));
    }

    /** The minimum count of facts a builder needs (for service quality, the minimum number of interactions). */
    public int minimumEvidence(TrustBuilder builder) {
        return switch (Objects.requireNonNull(builder, "builder")) {
            case SERVICE_QUALITY -> serviceMinInteractions;
            case PROACTIVE_CARE -> proactiveMinActions;
            case EXTRA_VALUE -> extraValueMinDeliveries;
            case RECIPROCITY -> reciprocityMinReferrals;
            case RELATIONSHIP -> relationshipMinTouches;
        };
    }

    /** A builder pre-filled with this policy's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some thresholds of a policy; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private int positioningWindowDays;
        private int positioningDueDays;
        private int lookbackDays;
        private int serviceMinInteractions;
        private double serviceMinAverageRating;
        private int proactiveMinActions;
        private int extraValueMinDeliveries;
        private int reciprocityMinReferrals;
        private int relationshipMinTouches;
        private int trustBuildersRequired;
        private Set<TrustBuilder> mandatoryTrustBuilders;
        private int feedbackWindowDays;
        private int greenLightsRequired;
        private int npsPromoterMin;
        private int npsDetractorMax;
        private int complaintVetoDays;
        private int prematureAskDays;
        private int pushyChaseDays;
        private int titForTatDays;
        private int askCoolDownDays;
        private int introductionWaitDays;
        private int thankReferrerDays;
        private int statusReportDays;
        private int thankYouGiftDays;
        private int momentumWindowDays;
        private SurveyReading csatFeedback;
        private SurveyReading cesFeedback;

        private Builder(ReadinessPolicy p) {
            positioningWindowDays = p.positioningWindowDays;
            positioningDueDays = p.positioningDueDays;
            lookbackDays = p.lookbackDays;
            serviceMinInteractions = p.serviceMinInteractions;
            serviceMinAverageRating = p.serviceMinAverageRating;
            proactiveMinActions = p.proactiveMinActions;
            extraValueMinDeliveries = p.extraValueMinDeliveries;
            reciprocityMinReferrals = p.reciprocityMinReferrals;
            relationshipMinTouches = p.relationshipMinTouches;
            trustBuildersRequired = p.trustBuildersRequired;
            mandatoryTrustBuilders = p.mandatoryTrustBuilders;
            feedbackWindowDays = p.feedbackWindowDays;
            greenLightsRequired = p.greenLightsRequired;
            npsPromoterMin = p.npsPromoterMin;
            npsDetractorMax = p.npsDetractorMax;
            complaintVetoDays = p.complaintVetoDays;
            prematureAskDays = p.prematureAskDays;
            pushyChaseDays = p.pushyChaseDays;
            titForTatDays = p.titForTatDays;
            askCoolDownDays = p.askCoolDownDays;
            introductionWaitDays = p.introductionWaitDays;
            thankReferrerDays = p.thankReferrerDays;
            statusReportDays = p.statusReportDays;
            thankYouGiftDays = p.thankYouGiftDays;
            momentumWindowDays = p.momentumWindowDays;
            csatFeedback = p.csatFeedback;
            cesFeedback = p.cesFeedback;
        }

        /** @see ReadinessPolicy#positioningWindowDays() */
        public Builder positioningWindowDays(int v) { positioningWindowDays = v; return this; }
        /** @see ReadinessPolicy#positioningDueDays() */
        public Builder positioningDueDays(int v) { positioningDueDays = v; return this; }
        /** @see ReadinessPolicy#lookbackDays() */
        public Builder lookbackDays(int v) { lookbackDays = v; return this; }
        /** @see ReadinessPolicy#serviceMinInteractions() */
        public Builder serviceMinInteractions(int v) { serviceMinInteractions = v; return this; }
        /** @see ReadinessPolicy#serviceMinAverageRating() */
        public Builder serviceMinAverageRating(double v) { serviceMinAverageRating = v; return this; }
        /** @see ReadinessPolicy#proactiveMinActions() */
        public Builder proactiveMinActions(int v) { proactiveMinActions = v; return this; }
        /** @see ReadinessPolicy#extraValueMinDeliveries() */
        public Builder extraValueMinDeliveries(int v) { extraValueMinDeliveries = v; return this; }
        /** @see ReadinessPolicy#reciprocityMinReferrals() */
        public Builder reciprocityMinReferrals(int v) { reciprocityMinReferrals = v; return this; }
        /** @see ReadinessPolicy#relationshipMinTouches() */
        public Builder relationshipMinTouches(int v) { relationshipMinTouches = v; return this; }
        /** @see ReadinessPolicy#trustBuildersRequired() */
        public Builder trustBuildersRequired(int v) { trustBuildersRequired = v; return this; }
        /** @see ReadinessPolicy#mandatoryTrustBuilders() */
        public Builder mandatoryTrustBuilders(Set<TrustBuilder> v) {
            mandatoryTrustBuilders = Objects.requireNonNull(v, "mandatoryTrustBuilders");
            return this;
        }
        /** @see ReadinessPolicy#feedbackWindowDays() */
        public Builder feedbackWindowDays(int v) { feedbackWindowDays = v; return this; }
        /** @see ReadinessPolicy#greenLightsRequired() */
        public Builder greenLightsRequired(int v) { greenLightsRequired = v; return this; }
        /** @see ReadinessPolicy#npsPromoterMin() */
        public Builder npsPromoterMin(int v) { npsPromoterMin = v; return this; }
        /** @see ReadinessPolicy#npsDetractorMax() */
        public Builder npsDetractorMax(int v) { npsDetractorMax = v; return this; }
        /** @see ReadinessPolicy#complaintVetoDays() */
        public Builder complaintVetoDays(int v) { complaintVetoDays = v; return this; }
        /** @see ReadinessPolicy#prematureAskDays() */
        public Builder prematureAskDays(int v) { prematureAskDays = v; return this; }
        /** @see ReadinessPolicy#pushyChaseDays() */
        public Builder pushyChaseDays(int v) { pushyChaseDays = v; return this; }
        /** @see ReadinessPolicy#titForTatDays() */
        public Builder titForTatDays(int v) { titForTatDays = v; return this; }
        /** @see ReadinessPolicy#askCoolDownDays() */
        public Builder askCoolDownDays(int v) { askCoolDownDays = v; return this; }
        /** @see ReadinessPolicy#introductionWaitDays() */
        public Builder introductionWaitDays(int v) { introductionWaitDays = v; return this; }
        /** @see ReadinessPolicy#thankReferrerDays() */
        public Builder thankReferrerDays(int v) { thankReferrerDays = v; return this; }
        /** @see ReadinessPolicy#statusReportDays() */
        public Builder statusReportDays(int v) { statusReportDays = v; return this; }
        /** @see ReadinessPolicy#thankYouGiftDays() */
        public Builder thankYouGiftDays(int v) { thankYouGiftDays = v; return this; }
        /** @see ReadinessPolicy#momentumWindowDays() */
        public Builder momentumWindowDays(int v) { momentumWindowDays = v; return this; }
        /**
         * Counts CSAT scores ({@code true}: with the reading already set, else the industry reading) or not.
         *
         * @see ReadinessPolicy#csatFeedback()
         */
        public Builder csatFeedback(boolean on) {
            csatFeedback = !on ? null : csatFeedback != null ? csatFeedback : SurveyReading.industry(SurveyType.CSAT);
            return this;
        }
        /**
         * Counts CSAT scores with this reading ({@code null}: not at all).
         *
         * @see ReadinessPolicy#csatFeedback()
         */
        public Builder csatFeedback(SurveyReading v) { csatFeedback = v; return this; }
        /**
         * Counts CES scores ({@code true}: with the reading already set, else the industry reading) or not.
         *
         * @see ReadinessPolicy#cesFeedback()
         */
        public Builder cesFeedback(boolean on) {
            cesFeedback = !on ? null : cesFeedback != null ? cesFeedback : SurveyReading.industry(SurveyType.CES);
            return this;
        }
        /**
         * Counts CES scores with this reading ({@code null}: not at all).
         *
         * @see ReadinessPolicy#cesFeedback()
         */
        public Builder cesFeedback(SurveyReading v) { cesFeedback = v; return this; }

        /** Validates and builds the policy. */
        public ReadinessPolicy build() {
            return new ReadinessPolicy(positioningWindowDays, positioningDueDays, lookbackDays, serviceMinInteractions,
                    serviceMinAverageRating, proactiveMinActions, extraValueMinDeliveries, reciprocityMinReferrals,
                    relationshipMinTouches, trustBuildersRequired, mandatoryTrustBuilders, feedbackWindowDays,
                    greenLightsRequired, npsPromoterMin, npsDetractorMax, complaintVetoDays, prematureAskDays,
                    pushyChaseDays, titForTatDays, askCoolDownDays, introductionWaitDays, thankReferrerDays,
                    statusReportDays, thankYouGiftDays, momentumWindowDays, csatFeedback, cesFeedback);
        }
    }
}
