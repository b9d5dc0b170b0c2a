package io.referralrules.book;

import io.referralrules.api.Stage;

import java.util.Map;

/**
 * The referral figures of one scope (the whole book, a team, or an account owner) over the report card's period, or
 * over one quarter of its trends. How each figure is counted, and the rule for the grade, are written down in
 * {@code docs/report-card.md}.
 *
 * @param scope                  {@code book}, {@code team} or {@code owner}
 * @param name                   the team's or owner's id; {@code all} for the book
 * @param customers              customers assessed
 * @param asks                   referral asks made in the period
 * @param introductions          real introductions: the customer agreed to contact the prospect
 * @param bareContacts           names-only asks: at best a name, a cold lead
 * @param introductionsConfirmed introductions the customer confirmed having made
 * @param referredSales          introductions that became a sale
 * @param followUpsOnTime        follow-ups to referrers done by their due day
 * @param followUpsLate          follow-ups done after their due day
 * @param followUpsMissed        follow-ups not done and past their due day
 * @param followUpsPending       follow-ups not done and not yet due
 * @param readyNotAsked          customers at {@code READY_TO_ASK}: earned and confirmed, not asked yet
 * @param prematureAsks          {@code PREMATURE_ASK} warnings
 * @param fatigueAsks            {@code ASK_FATIGUE} warnings
 * @param titForTatAsks          {@code TIT_FOR_TAT} warnings
 * @param stages                 customers per stage, every stage present
 * @param grade                  A, B, C or D; empty in a quarter of the trends ({@link ReportCard.Trend}), which has no
 *                               grade
 * @param gradeReason            why that grade, in words with the numbers; empty when there is no grade
 */
public record Scorecard(String scope, String name, long customers, long asks, long introductions, long bareContacts,
                        long introductionsConfirmed, long referredSales, long followUpsOnTime, long followUpsLate,
                        long followUpsMissed, long followUpsPending, long readyNotAsked, long prematureAsks,
                        long fatigueAsks, long titForTatAsks, Map<Stage, Long> stages, String grade,
                        String gradeReason) {
    public Scorecard {
        stages = BookSummary.everyStage(stages);
    }

    /** Referrals received: real introductions plus bare contacts. */
    public long referralsReceived() {
        return introductions + bareContacts;
    }

    /** The share of referrals that were real introductions, 0 to 1 (0 when there were none). */
    public double introductionShare() {
        return ratio(introductions, referralsReceived());
    }

    /** The share of introductions that became a sale, 0 to 1. */
    public double conversion() {
        return ratio(referredSales, introductions);
    }

    /** The share of due follow-ups done on time, 0 to 1 (1 when none was due). */
    public double followUpsOnTimeShare() {
        long due = followUpsOnTime + followUpsLate + followUpsMissed;
        return due == 0 ? 1.0 : (double) followUpsOnTime / due;
    }

    /** Premature, fatigue and tit-for-tat asks together. */
    public long badAsks() {
        return prematureAsks + fatigueAsks + titForTatAsks;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }
}
