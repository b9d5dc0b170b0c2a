package io.referralrules.api.facts;

/** The standard survey scales a CRM already collects, with their industry ranges. */
public enum SurveyType {
    /** Net Promoter Score, 0 to 10: promoters 9-10, passives 7-8, detractors 0-6. */
    NPS(0, 10),
    /** Customer Satisfaction, 1 to 5: 4 and 5 count as satisfied. */
    CSAT(1, 5),
    /** Customer Effort Score 2.0, 1 to 7: 5-7 positive, 1-3 negative. */
    CES(1, 7);

    private final int min;
    private final int max;

    SurveyType(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /** Lowest valid score on this scale. */
    public int min() {
        return min;
    }

    /** Highest valid score on this scale. */
    public int max() {
        return max;
    }
}
