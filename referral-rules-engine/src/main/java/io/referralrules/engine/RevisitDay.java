package io.referralrules.engine;

import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.EarliestAsk;
import io.referralrules.api.Limits;
import io.referralrules.api.NextAction;
import io.referralrules.api.Obstacle;
import io.referralrules.api.ObstacleKind;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.SurveyReading;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Fact;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FeedbackSignal;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.ServiceInteraction;
import io.referralrules.api.facts.SurveyScore;
import io.referralrules.engine.internal.RuleFiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The revisit day of one assessment ({@code ReadinessAssessment.revisitOn}): the earliest day after the assessment day
 * on which the answer could change with no new facts. Worked out from the snapshot, the policy and what the rules
 * concluded, in one pass over the facts (no rule is run again, no clock is read); each trust builder's facts are
 * sorted by day.
 *
 * <p>The bundled rules compare a fact's date with the assessment day in these ways (read from the DRL under
 * {@code io/referralrules/rules}; a window of N days is inclusive, so a fact dated {@code d} leaves it on
 * {@code d + N + 1}), and each gives its candidate days:
 * <ul>
 *   <li>a fact, resolution, confirmation or first contact dated after the assessment day has not happened yet
 *       ({@code Subject.of}): it enters on its day, if a rule could use it then (not an industry event, which only
 *       names a prospect hint; not a neutral survey score (a passive NPS, a CSAT of 3, a CES of 4 under the industry
 *       readings) nor a CSAT or CES score while the policy's switch for its scale is off; a neutral answer once trust
 *       is earned; a green
 *       light once trust is earned, a complaint is open or the latest sale is fresh under post-sale momentum; a
 *       positioning conversation while one is owed; a follow-up while its duty is owed; a trust builder's fact once
 *       there is a sale);</li>
 *   <li>each trust builder: the first day it turns met or unmet as its facts enter and leave the look-back (the
 *       answer has met or unmet, not the counts);</li>
 *   <li>the look-back ({@code lookbackDays}): complaint answers and complaint scores (NPS detractors; dissatisfied
 *       CSAT and hard CES scores while switched on), a resolved complaint's
 *       resolution, asks (every ask warning, early-ask checkpoints); an introduction while it is unconfirmed or a
 *       thank-you is owed for it, a first contact with the prospect while a status report is, a referred sale while a
 *       gift is; a green light only under post-sale momentum with an ask after it (that ask turns premature): it is
 *       older than any complaint it settled;</li>
 *   <li>the feedback window ({@code feedbackWindowDays}, earned-trust, once trust is earned): every feedback answer
 *       (the testimonial request) and green-light score (NPS promoters; satisfied CSAT and easy CES scores while
 *       switched on: green lights counted toward confirming trust);</li>
 *   <li>the latest sale's momentum window (post-sale momentum); the positioning window's end is the positioning
 *       obstacle's clearing day;</li>
 *   <li>the latest ask: the cool-down; every introduction ask: the wait for the introduction; every resolved
 *       complaint: the veto;</li>
 *   <li>every action with a deadline of its own (positioning, confirming an introduction, the three follow-ups): its
 *       due day (from then on it is due "now") and the day after (it is overdue; a follow-up also raises a warning);
 *       the actions the rules propose for the assessment day itself (a trust builder's remedy, a testimonial request,
 *       resolving a complaint, the ask) are due "now" on every day and give none;</li>
 *   <li>every unmet condition's clearing day (the veto after a complaint settled by a green light among them) and the
 *       earliest ask day.</li>
 * </ul>
 * A condition read from the answer on the assessment day (trust earned, a complaint open, a positioning, a
 * confirmation or a follow-up owed) holds until the answer changes, and a fresh sale until its momentum window's end, itself a candidate: so
 * nothing it leaves out can come first. The tit-for-tat, pushy-chase and premature-ask windows and the thresholds
 * between two facts do not involve the assessment day: they decide nothing new as days pass, except through the
 * look-back of the facts they compare.
 *
 * <p>Rules of the host may compare anything with the assessment day ({@code AsOf}): with host rules the revisit day
 * is the next day.
 */
final class RevisitDay {
    /** The actions whose due day is a deadline of its own, not the assessment day. */
    private static final Set<ActionType> DEADLINES = EnumSet.of(ActionType.HOLD_POSITIONING_CONVERSATION,
            ActionType.CONFIRM_INTRODUCTION, ActionType.THANK_REFERRER, ActionType.SEND_STATUS_REPORT,
            ActionType.SEND_THANK_YOU_GIFT);
    /** The duty each kind of follow-up discharges. */
    private static final Map<FollowUpType, ActionType> DUTIES = new EnumMap<>(Map.of(
            FollowUpType.THANK_REFERRER, ActionType.THANK_REFERRER,
            FollowUpType.STATUS_REPORT, ActionType.SEND_STATUS_REPORT,
            FollowUpType.THANK_YOU_GIFT, ActionType.SEND_THANK_YOU_GIFT));

    /**
     * Which playbook-specific windows a rule set measures, found once per rule set by the rules that read them; the
     * windows of both playbooks are measured when a rule set has neither (generous rather than late).
     *
     * @param feedbackWindow whether green lights and feedback answers count only within the feedback window (the
     *                       earned-trust confirmation)
     * @param momentumWindow whether the latest sale counts only within the momentum window (post-sale momentum)
     */
    record Windows(boolean feedbackWindow, boolean momentumWindow) {
        private static final String UNKNOWN = "(unknown)";

        static Windows of(RuleFiles files) {
            boolean feedback = !UNKNOWN.equals(files.file("io.referralrules.rules.earnedtrust",
                    "A recent green light given after the last complaint counts"));
            boolean momentum = !UNKNOWN.equals(files.file("io.referralrules.rules.postsale",
                    "The momentum of the latest sale has passed"));
            return feedback || momentum ? new Windows(feedback, momentum) : new Windows(true, true);
        }
    }

    private final LocalDate asOf;
    private LocalDate earliest;

    private RevisitDay(LocalDate asOf) {
        this.asOf = asOf;
    }

    /**
     * The revisit day, or {@code null} when nothing is time-bound up to {@link Limits#LATEST_DATE}.
     *
     * @param snapshot    every fact the host passed, including those dated after {@code asOf}
     * @param asOf        the assessment day
     * @param policy      the thresholds
     * @param windows     the playbook's own windows
     * @param answer      what the rules concluded on {@code asOf} (its unmet conditions whatever the detail)
     * @param earliestAsk the earliest ask, or {@code null} when it was not worked out
     * @param hostRules   whether the playbook has rules of the host
     */
    static LocalDate of(CustomerSnapshot snapshot, LocalDate asOf, ReadinessPolicy policy, Windows windows,
                        Answer answer, EarliestAsk earliestAsk, boolean hostRules) {
        RevisitDay day = new RevisitDay(asOf);
        if (hostRules) {
            day.on(asOf.plusDays(1));
        } else {
            day.facts(snapshot, policy, windows, answer);
            day.conclusions(answer.actions(), answer.obstacles(), earliestAsk);
        }
        return day.earliest == null || day.earliest.isAfter(Limits.LATEST_DATE) ? null : day.earliest;
    }

    private void facts(CustomerSnapshot s, ReadinessPolicy p, Windows windows, Answer answer) {
        LocalDate latestSale = null;
        for (Sale sale : s.sales()) {
            on(sale.date());
            latestSale = latest(latestSale, sale.date());
        }
        if (latestSale != null) {
            // trust builders are measured once there is a sale (until then, a sale entering is the next change)
            trustBuilders(s, p);
        }
        if (windows.momentumWindow()) {
            after(latestSale, p.momentumWindowDays());
        }
        LocalDate latestAsk = null;
        for (ReferralAsk ask : s.asks()) {
            latestAsk = latest(latestAsk, ask.date());
        }
        signals(s, p, windows, answer, latestSale, latestAsk);
        Set<String> owed = new HashSet<>();
        for (NextAction action : answer.actions()) {
            if (DEADLINES.contains(action.type()) && action.subjectId() != null) {
                owed.add(duty(action.type(), action.subjectId()));
            }
        }
        referralCycle(s, p, latestAsk, owed);
        discharges(s, answer, owed);
    }

    /** A deadline action owed for a fact, as a key. */
    private static String duty(ActionType type, String subjectId) {
        return type + " " + subjectId;
    }

    private void trustBuilders(CustomerSnapshot s, ReadinessPolicy p) {
        int lookBack = p.lookbackDays();
        builder(s.serviceInteractions(), lookBack, RevisitDay::serviceInteraction,
                t -> t.count >= p.serviceMinInteractions() && t.rated > 0
                        && (double) t.ratingSum / t.rated >= p.serviceMinAverageRating() && t.unsettled == 0);
        builder(s.proactiveActions(), lookBack, RevisitDay::counted, t -> t.count >= p.proactiveMinActions());
        builder(s.extraValues(), lookBack, RevisitDay::counted, t -> t.count >= p.extraValueMinDeliveries());
        builder(s.referralsGiven(), lookBack, RevisitDay::counted, t -> t.count >= p.reciprocityMinReferrals());
        builder(s.socialTouches(), lookBack, RevisitDay::counted, t -> t.count >= p.relationshipMinTouches());
    }

    /**
     * Feedback answers and the survey scores the policy reads: green lights, complaints, and the feedback conversation
     * itself.
     */
    private void signals(CustomerSnapshot s, ReadinessPolicy p, Windows windows, Answer answer, LocalDate latestSale,
                         LocalDate latestAsk) {
        int lookBack = p.lookbackDays();
        // the testimonial request and the green lights that confirm trust are looked for once trust is earned
        int feedback = windows.feedbackWindow() && answer.trustEarned ? p.feedbackWindowDays() : -1;
        // a green light entering counts toward confirming trust, settles a complaint, or confirms a fresh sale; leaving
        // the look-back, it can make a later ask premature under post-sale momentum and nothing else (it is older than
        // any complaint it settled, and the feedback window is never longer than the look-back)
        boolean freshSale = windows.momentumWindow() && latestSale != null
                && !latestSale.isBefore(asOf.minusDays(p.momentumWindowDays()));
        boolean greenLightsMatter = feedback >= 0 || freshSale
                || answer.obstacles().stream().anyMatch(o -> o.kind() == ObstacleKind.OPEN_COMPLAINT);
        LocalDate askedSince = windows.momentumWindow() ? latestAsk : null;
        for (FeedbackAnswer answered : s.feedbackAnswers()) {
            if (answered.signal() == FeedbackSignal.COMPLAINT) {
                complaintSignal(answered.date(), lookBack);
            } else if (answered.signal() == FeedbackSignal.GREEN_LIGHT) {
                greenLight(answered.date(), lookBack, feedback, greenLightsMatter, askedSince);
            }
            if (feedback >= 0) {
                // any feedback conversation in the window, whatever its answer, spares the testimonial request
                on(answered.date());
                after(answered.date(), feedback);
            }
        }
        for (SurveyScore score : s.surveyScores()) {
            // NPS always; CSAT and CES only while the policy's switch for the scale is on
            SurveyReading reading = p.reading(score.type());
            if (reading == null) {
                continue;
            }
            if (reading.greenLight(score.score())) {
                greenLight(score.date(), lookBack, feedback, greenLightsMatter, askedSince);
            } else if (reading.complaint(score.score())) {
                complaintSignal(score.date(), lookBack);
            }
        }
    }

    /**
     * Recorded complaints, asks, introductions and referred sales. An introduction counts in the look-back while it is
     * unconfirmed or a duty is owed for it, a first contact while a status report is, a referred sale while a gift is.
     */
    private void referralCycle(CustomerSnapshot s, ReadinessPolicy p, LocalDate latestAsk, Set<String> owed) {
        int lookBack = p.lookbackDays();
        for (Complaint complaint : s.complaints()) {
            on(complaint.date());
            on(complaint.resolvedOn());
            after(complaint.resolvedOn(), lookBack);
            after(complaint.resolvedOn(), p.complaintVetoDays());
        }
        for (ReferralAsk ask : s.asks()) {
            on(ask.date());
            after(ask.date(), lookBack);
            if (ask.type() == AskType.INTRODUCTION) {
                after(ask.date(), p.introductionWaitDays());
            }
        }
        after(latestAsk, p.askCoolDownDays());
        for (Introduction introduction : s.introductions()) {
            String id = introduction.id();
            on(introduction.date());
            on(introduction.confirmedOn());
            on(introduction.prospectContactedOn());
            boolean unconfirmed = introduction.confirmedOn() == null || introduction.confirmedOn().isAfter(asOf);
            if (unconfirmed || owed.contains(duty(ActionType.THANK_REFERRER, id))) {
                after(introduction.date(), lookBack);
            }
            if (owed.contains(duty(ActionType.SEND_STATUS_REPORT, id))) {
                after(introduction.prospectContactedOn(), lookBack);
            }
        }
        for (ReferredSale sale : s.referredSales()) {
            on(sale.date());
            if (owed.contains(duty(ActionType.SEND_THANK_YOU_GIFT, sale.introductionId()))) {
                after(sale.date(), lookBack);
            }
        }
    }

    /** Facts that only discharge something owed: a positioning conversation, a follow-up. */
    private void discharges(CustomerSnapshot s, Answer answer, Set<String> owed) {
        // a positioning conversation matters while one is owed (its unmet condition clears the day the window ends)
        if (answer.obstacles().stream().anyMatch(o -> o.kind() == ObstacleKind.POSITIONING)) {
            for (Fact conversation : s.positioningConversations()) {
                on(conversation.date());
            }
        }
        // a follow-up matters while one is owed for its introduction
        for (FollowUp followUp : s.followUps()) {
            if (owed.contains(duty(DUTIES.get(followUp.type()), followUp.introductionId()))) {
                on(followUp.date());
            }
        }
    }

    /**
     * A green light (a green-light answer or a green-light score): it enters when it matters; it leaves the look-back
     * when an ask came after it ({@code askedSince}: the latest ask, under post-sale momentum only); it leaves the
     * feedback window when that is measured ({@code feedback} not negative).
     */
    private void greenLight(LocalDate day, int lookBack, int feedback, boolean matters, LocalDate askedSince) {
        if (matters) {
            on(day);
        }
        if (askedSince != null && !askedSince.isBefore(day)) {
            after(day, lookBack);
        }
        if (feedback >= 0) {
            after(day, feedback);
        }
    }

    /** A complaint raised by an answer or a score: it blocks when it enters, and stops counting when it is old. */
    private void complaintSignal(LocalDate day, int lookBack) {
        on(day);
        after(day, lookBack);
    }

    /** What one trust builder's facts in the look-back add up to. */
    private static final class Tally {
        int count;
        int rated;
        long ratingSum;
        int unsettled;
    }

    /** Adds ({@code sign} 1) or removes ({@code sign} -1) one fact's part of a tally. */
    private interface Part<T> {
        void add(Tally tally, T fact, int sign);
    }

    private static void counted(Tally tally, Fact fact, int sign) {
        tally.count += sign;
    }

    private static void serviceInteraction(Tally tally, ServiceInteraction interaction, int sign) {
        tally.count += sign;
        if (interaction.satisfaction() != null) {
            tally.rated += sign;
            tally.ratingSum += (long) sign * interaction.satisfaction();
        }
        if (interaction.status().unresolved()) {
            tally.unsettled += sign;
        }
    }

    /** A fact entering (+1) or leaving (-1) the look-back on a day. */
    private record Move<T>(LocalDate day, T fact, int sign) {
    }

    /**
     * The first day a trust builder turns met or unmet as its facts enter and leave the look-back: a day on which
     * only the count changes, on the same side of the threshold, changes nothing in the answer.
     */
    private <T extends Fact> void builder(List<T> facts, int lookBack, Part<T> part, Predicate<Tally> met) {
        Tally tally = new Tally();
        LocalDate from = asOf.minusDays(lookBack);
        List<Move<T>> moves = new ArrayList<>();
        for (T fact : facts) {
            LocalDate day = fact.date();
            if (day.isAfter(asOf)) {
                moves.add(new Move<>(day, fact, 1));
            } else if (!day.isBefore(from)) {
                part.add(tally, fact, 1);
            } else {
                continue;
            }
            moves.add(new Move<>(day.plusDays(lookBack + 1L), fact, -1));
        }
        boolean now = met.test(tally);
        moves.sort(Comparator.comparing(Move::day));
        for (int i = 0; i < moves.size(); ) {
            LocalDate day = moves.get(i).day();
            if (earliest != null && !day.isBefore(earliest)) {
                return;
            }
            for (; i < moves.size() && moves.get(i).day().isEqual(day); i++) {
                part.add(tally, moves.get(i).fact(), moves.get(i).sign());
            }
            if (met.test(tally) != now) {
                on(day);
                return;
            }
        }
    }

    private void conclusions(List<NextAction> actions, List<Obstacle> obstacles, EarliestAsk earliestAsk) {
        for (NextAction action : actions) {
            if (action.dueDate().isAfter(asOf)) {
                on(action.dueDate());
                on(action.dueDate().plusDays(1));
            } else if (action.dueDate().isEqual(asOf) && DEADLINES.contains(action.type())) {
                on(asOf.plusDays(1));
            }
        }
        for (Obstacle obstacle : obstacles) {
            on(obstacle.clearsOn());
        }
        if (earliestAsk != null) {
            on(earliestAsk.date());
        }
    }

    /** The latest of a day dated on or before the assessment day and another ({@code null} when neither is). */
    private LocalDate latest(LocalDate sofar, LocalDate day) {
        return day.isAfter(asOf) || (sofar != null && !day.isAfter(sofar)) ? sofar : day;
    }

    /** The first day on which a day on or before the assessment day is more than {@code days} days back. */
    private void after(LocalDate day, int days) {
        if (day != null && !day.isAfter(asOf)) {
            on(day.plusDays(days + 1L));
        }
    }

    /** A day on which the answer may change, if it comes after the assessment day. */
    private void on(LocalDate day) {
        if (day != null && day.isAfter(asOf) && (earliest == null || day.isBefore(earliest))) {
            earliest = day;
        }
    }
}
