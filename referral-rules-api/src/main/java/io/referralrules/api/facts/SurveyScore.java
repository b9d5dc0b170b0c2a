package io.referralrules.api.facts;

import java.time.LocalDate;

/**
 * A survey score the customer gave. With the default policy an NPS of 9-10 counts as a green light and an NPS of
 * 0-6 as a complaint (open until a later green light); CSAT and CES count the same way only when the policy switches
 * them on ({@code ReadinessPolicy.csatFeedback}, {@code cesFeedback}: satisfied 4-5 / dissatisfied 1-2 of 5, easy 5-7 /
 * hard 1-3 of 7 by default), and are otherwise carried for host rules, reports and the backtest.
 *
 * @param id    the host's id
 * @param date  the day the score was given
 * @param type  the scale
 * @param score the score, within the scale's range
 */
public record SurveyScore(String id, LocalDate date, SurveyType type, int score) implements Fact {
    public SurveyScore {
        Checks.id("SurveyScore", id);
        Checks.date("SurveyScore", id, "date", date);
        Checks.required("SurveyScore", id, "type", type);
        Checks.range("SurveyScore", id, "score", score, type.min(), type.max());
    }
}
