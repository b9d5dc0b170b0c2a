package io.referralrules.book;

import java.util.Locale;

/**
 * The report card's grade, by a rule simple enough to say out loud (also in {@code docs/report-card.md}):
 * <ul>
 *   <li><b>A</b>: at least one real introduction per 10 customers, at least 90% of due follow-ups on time, and no
 *       premature, fatigue or tit-for-tat ask;</li>
 *   <li><b>B</b>: at least one real introduction per 20 customers, at least 75% of due follow-ups on time, and bad asks
 *       at most a tenth of all asks;</li>
 *   <li><b>C</b>: at least one real introduction;</li>
 *   <li><b>D</b>: no real introduction in the period: referrals are not coming, the relationship work is mediocre.</li>
 * </ul>
 */
record Grade(String letter, String reason) {

    static Grade of(Scorecard s) {
        String facts = String.format(Locale.ROOT, "%d introductions for %d customers, %.0f%% of due follow-ups on time, %d bad asks of %d",
                s.introductions(), s.customers(), 100 * s.followUpsOnTimeShare(), s.badAsks(), s.asks());
        if (s.introductions() == 0) {
            return new Grade("D", "no real introduction in the period (" + facts + ")");
        }
        boolean perTen = s.introductions() * 10 >= s.customers();
        boolean perTwenty = s.introductions() * 20 >= s.customers();
        if (perTen && s.followUpsOnTimeShare() >= 0.9 && s.badAsks() == 0) {
            return new Grade("A", "at least 1 introduction per 10 customers, 90% follow-ups on time, no bad ask (" + facts + ")");
        }
        if (perTwenty && s.followUpsOnTimeShare() >= 0.75 && s.badAsks() * 10 <= s.asks()) {
            return new Grade("B", "at least 1 introduction per 20 customers, 75% follow-ups on time, bad asks at most 1 in 10 ("
                    + facts + ")");
        }
        return new Grade("C", "at least one real introduction, short of B (" + facts + ")");
    }
}
