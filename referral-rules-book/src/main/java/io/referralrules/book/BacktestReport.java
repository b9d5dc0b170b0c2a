package io.referralrules.book;

import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.SurveyType;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Backtest} found: for every referral ask in a book, the customer re-assessed as known the day before the
 * ask, and what the ask got within the outcome window. Made by {@link Backtest#run}; written by {@link BacktestJson},
 * {@link BacktestTable} and {@code BacktestHtml}.
 *
 * <p>Every group is an {@link Outcomes}: how many asks, how many got an introduction within the window (its rate with a
 * 95% Wilson interval), how many of those were confirmed within the window, how many led to a referred sale within
 * {@code referredSaleDays} of the ask.
 *
 * @param outcomeDays             an introduction counts when agreed at most this many days after the ask
 * @param referredSaleDays        a referred sale counts when at most this many days after the ask (180)
 * @param customers               customers read, failed ones included
 * @param failed                  customers that could not be read or re-assessed; their asks are not counted
 * @param failures                the first {@link Backtest#MAX_LISTED_FAILURES} of them, in book order
 * @param introductionsWithoutAsk introductions of the counted customers that name no ask: they count for no ask
 * @param introductionsAfterWindow introductions naming an ask but agreed after its outcome window (or before the ask):
 *                                they do not count as that ask's introduction
 * @param first                   the history under the backtested playbook and policy
 * @param second                  the same history under the comparison playbook or policy, or {@code null}
 * @param better                  which side separates converting from non-converting asks better, or {@code null}
 *                                without a comparison
 */
public record BacktestReport(int outcomeDays, int referredSaleDays, long customers, long failed, List<Failure> failures,
                             long introductionsWithoutAsk, long introductionsAfterWindow, Side first, Side second,
                             Better better) {
    public BacktestReport {
        failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
        Objects.requireNonNull(first, "first");
        if ((second == null) != (better == null)) {
            throw new IllegalArgumentException("better is given exactly when there is a second side");
        }
    }

    /** How many asks were backtested (the same on both sides). */
    public long asks() {
        return first.all().asks();
    }

    /**
     * One customer that could not be backtested, as the assess command lists an invalid entry.
     *
     * @param customerId the customer's id, or {@code null} when the entry did not show one
     * @param location   where the entry is, e.g. {@code book.ndjson:17}
     * @param problem    why (names fields, ids, dates, never free text)
     */
    public record Failure(String customerId, String location, String problem) {
        public Failure {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * The backtest under one playbook and policy.
     *
     * @param playbook      the playbook that re-assessed the asks
     * @param policy        its policy (the feedback window also bounds the survey signals)
     * @param all           every ask
     * @param stages        per stage the day before the ask, every {@link Stage} in its order
     * @param noWarning     the asks that drew no warning
     * @param warnings      per warning the ask drew, the types drawn at least once, in {@link WarningType} order (an
     *                      ask that drew two types counts in both)
     * @param trustBuilders per trust builder met / not met the day before the ask, all five in order (not met when
     *                      the customer had no relationship yet)
     * @param signals       per survey signal the day before the ask, every {@link Signal} in order
     * @param heldBack      allowed (ready to ask the day before) against held back (any other stage)
     */
    public record Side(PlaybookRef playbook, ReadinessPolicy policy, Outcomes all, List<StageOutcomes> stages,
                       Outcomes noWarning, List<WarningOutcomes> warnings, List<TrustBuilderLift> trustBuilders,
                       List<SignalLift> signals, HeldBack heldBack) {
        public Side {
            Objects.requireNonNull(playbook, "playbook");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(all, "all");
            stages = List.copyOf(stages);
            Objects.requireNonNull(noWarning, "noWarning");
            warnings = List.copyOf(warnings);
            trustBuilders = List.copyOf(trustBuilders);
            signals = List.copyOf(signals);
            Objects.requireNonNull(heldBack, "heldBack");
        }
    }

    /**
     * What a group of asks got.
     *
     * @param asks          asks in the group
     * @param introductions asks that got at least one introduction agreed within the outcome window
     * @param confirmed     asks with such an introduction confirmed within the outcome window
     * @param referredSales asks with a referred sale of such an introduction within the referred-sale days
     */
    public record Outcomes(long asks, long introductions, long confirmed, long referredSales) {
        /** No asks. */
        public static final Outcomes NONE = new Outcomes(0, 0, 0, 0);

        public Outcomes {
            if (asks < 0 || introductions < 0 || introductions > asks || confirmed < 0 || confirmed > introductions
                    || referredSales < 0 || referredSales > introductions) {
                throw new IllegalArgumentException("outcomes must have 0 <= confirmed, referredSales <= introductions <= asks,"
                        + " was asks " + asks + ", introductions " + introductions + ", confirmed " + confirmed
                        + ", referredSales " + referredSales);
            }
        }

        /** The introduction rate (introductions / asks), or {@code null} when there are no asks. */
        public Double rate() {
            return asks == 0 ? null : (double) introductions / asks;
        }

        /** The introduction rate's 95% Wilson interval, or {@code null} when there are no asks. */
        public Wilson.Interval interval() {
            return asks == 0 ? null : Wilson.interval95(introductions, asks);
        }

        /** The two groups together. */
        public Outcomes plus(Outcomes other) {
            return new Outcomes(asks + other.asks, introductions + other.introductions, confirmed + other.confirmed,
                    referredSales + other.referredSales);
        }
    }

    /**
     * The asks made at one stage (as assessed the day before the ask).
     *
     * @param stage    the stage
     * @param outcomes what they got
     */
    public record StageOutcomes(Stage stage, Outcomes outcomes) {
        public StageOutcomes {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(outcomes, "outcomes");
        }
    }

    /**
     * The asks that drew one warning (as assessed on the ask's day).
     *
     * @param warning  the warning
     * @param outcomes what they got
     */
    public record WarningOutcomes(WarningType warning, Outcomes outcomes) {
        public WarningOutcomes {
            Objects.requireNonNull(warning, "warning");
            Objects.requireNonNull(outcomes, "outcomes");
        }
    }

    /**
     * The asks made with one trust builder met, against those without it.
     *
     * @param builder the trust builder
     * @param met     asks made when it was met
     * @param notMet  asks made when it was not
     */
    public record TrustBuilderLift(TrustBuilder builder, Outcomes met, Outcomes notMet) {
        public TrustBuilderLift {
            Objects.requireNonNull(builder, "builder");
            Objects.requireNonNull(met, "met");
            Objects.requireNonNull(notMet, "notMet");
        }

        /** rate(met) / rate(not met), or {@code null} when a group is empty or the rate without it is 0. */
        public Double lift() {
            return BacktestReport.lift(met, notMet);
        }
    }

    /**
     * The asks made with one survey signal, against those without it.
     *
     * @param signal  the signal
     * @param with    asks made when the signal held
     * @param without asks made when it did not (no survey of its type in the window, or another reading)
     */
    public record SignalLift(Signal signal, Outcomes with, Outcomes without) {
        public SignalLift {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(with, "with");
            Objects.requireNonNull(without, "without");
        }

        /** rate(with) / rate(without), or {@code null} when a group is empty or the rate without it is 0. */
        public Double lift() {
            return BacktestReport.lift(with, without);
        }
    }

    /**
     * The asks the playbook would have allowed (ready to ask the day before) against those it would have held back.
     *
     * @param allowed  asks made when the customer was {@link Stage#READY_TO_ASK}
     * @param heldBack asks made at any other stage
     */
    public record HeldBack(Outcomes allowed, Outcomes heldBack) {
        public HeldBack {
            Objects.requireNonNull(allowed, "allowed");
            Objects.requireNonNull(heldBack, "heldBack");
        }

        /** The share of asks held back, or {@code null} when there are no asks. */
        public Double shareHeldBack() {
            long asks = allowed.asks() + heldBack.asks();
            return asks == 0 ? null : (double) heldBack.asks() / asks;
        }

        /**
         * How well the playbook separates converting from non-converting asks: rate when allowed minus rate when held
         * back, or {@code null} when either group is empty.
         */
        public Double separation() {
            Double a = allowed.rate();
            Double h = heldBack.rate();
            return a == null || h == null ? null : a - h;
        }

        /** The share of all introductions that came from asks held back, or {@code null} when there were none. */
        public Double introductionsHeldBack() {
            long introductions = allowed.introductions() + heldBack.introductions();
            return introductions == 0 ? null : (double) heldBack.introductions() / introductions;
        }
    }

    /** Which side of a comparison separates converting from non-converting asks better. */
    public enum Better {
        /** The backtested playbook / policy: a larger separation, or the same and fewer introductions held back. */
        FIRST,
        /** The comparison playbook / policy, by the same measure. */
        SECOND,
        /** The same separation and the same share of introductions held back. */
        EVEN,
        /** A side has no separation (it allowed every ask, or held every ask back), so they cannot be told apart. */
        UNDECIDED
    }

    /**
     * A survey signal as the industry reads it: the latest survey of its type within the policy's feedback window, as
     * of the day before the ask. Counted whatever the policy's switches say.
     */
    public enum Signal {
        /** Latest NPS 9-10. */
        NPS_PROMOTER(SurveyType.NPS, 9, 10),
        /** Latest NPS 0-6. */
        NPS_DETRACTOR(SurveyType.NPS, 0, 6),
        /** Latest CSAT 4-5. */
        CSAT_SATISFIED(SurveyType.CSAT, 4, 5),
        /** Latest CSAT 1-2. */
        CSAT_DISSATISFIED(SurveyType.CSAT, 1, 2),
        /** Latest CES 5-7. */
        CES_EASY(SurveyType.CES, 5, 7),
        /** Latest CES 1-3. */
        CES_HARD(SurveyType.CES, 1, 3);

        private final SurveyType survey;
        private final int min;
        private final int max;

        Signal(SurveyType survey, int min, int max) {
            this.survey = survey;
            this.min = min;
            this.max = max;
        }

        /** The survey type it reads. */
        public SurveyType survey() {
            return survey;
        }

        /** Whether a score of its survey type reads as this signal. */
        public boolean reads(int score) {
            return score >= min && score <= max;
        }
    }

    static Double lift(Outcomes with, Outcomes without) {
        Double w = with.rate();
        Double wo = without.rate();
        return w == null || wo == null || wo == 0 ? null : w / wo;
    }
}
