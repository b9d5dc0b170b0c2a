package io.referralrules.api;

import io.referralrules.api.facts.SurveyType;

import java.util.Objects;

/**
 * How the rules read one survey scale: a score at or above {@code greenLightMin} is a green light, a score at or below
 * {@code complaintMax} raises a complaint (open until a later green light), anything between is neutral. A
 * {@link ReadinessPolicy} holds one for CSAT and one for CES when it counts those scales ({@code csatFeedback},
 * {@code cesFeedback}), and checks both numbers against the scale: {@code greenLightMin} within the scale,
 * {@code complaintMax} from one below the scale's lowest score (no score is a complaint) to one below
 * {@code greenLightMin}.
 *
 * <pre>{@code
 * ReadinessPolicy policy = ReadinessPolicy.defaults().toBuilder()
 *         .csatFeedback(true)                          // the industry reading: 4-5 satisfied, 1-2 dissatisfied
 *         .cesFeedback(new SurveyReading(6, 3))        // only 6-7 counts as easy
 *         .build();
 * }</pre>
 *
 * @param greenLightMin a score at or above this is a green light
 * @param complaintMax  a score at or below this raises a complaint
 */
public record SurveyReading(int greenLightMin, int complaintMax) {
    private static final SurveyReading CSAT = new SurveyReading(4, 2);
    private static final SurveyReading CES = new SurveyReading(5, 3);

    /**
     * The industry reading of a scale: NPS promoters 9-10 and detractors 0-6, CSAT satisfied 4-5 and dissatisfied
     * 1-2 (of 5), CES easy 5-7 and hard 1-3 (of 7).
     */
    public static SurveyReading industry(SurveyType type) {
        return switch (Objects.requireNonNull(type, "type")) {
            case NPS -> new SurveyReading(9, 6);
            case CSAT -> CSAT;
            case CES -> CES;
        };
    }

    /** Whether a score on this scale is a green light. */
    public boolean greenLight(int score) {
        return score >= greenLightMin;
    }

    /** Whether a score on this scale raises a complaint. */
    public boolean complaint(int score) {
        return score <= complaintMax;
    }
}
