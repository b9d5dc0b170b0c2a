package io.referralrules.benchmarks;

import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.ExtraValue;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FeedbackSignal;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.PositioningConversation;
import io.referralrules.api.facts.ProactiveAction;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferralGiven;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.ServiceInteraction;
import io.referralrules.api.facts.SocialTouch;
import io.referralrules.api.facts.SurveyScore;
import io.referralrules.api.facts.SurveyType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The yardstick: what a CRM team would write instead of rules. Plain Java if/else over the same facts, deciding the
 * earned-trust playbook's stage, actions and warnings (no reasons, no why-not, no prospect hints). Written to be fast:
 * one pass per fact list, no streams, no maps, dates compared as epoch days. {@code BaselineEquivalenceTest} proves it
 * answers like the engine on 10,000 generated customers, so the benchmark compares like with like.
 */
public final class BaselineEvaluator {

    /** An action as the comparison needs it. */
    public record Action(ActionType type, LocalDate due, int overdueDays, String subjectId) {
    }

    /** A warning as the comparison needs it. */
    public record Alert(WarningType type, LocalDate date, String subjectId) {
    }

    /** The answer. */
    public record Answer(Stage stage, List<Action> actions, List<Alert> warnings) {
    }

    private static final Comparator<Action> ACTION_ORDER = Comparator.comparing(Action::due).thenComparing(Action::type)
            .thenComparing(Action::subjectId, Comparator.nullsFirst(Comparator.naturalOrder()));
    private static final Comparator<Alert> ALERT_ORDER = Comparator.comparing(Alert::date).thenComparing(Alert::type)
            .thenComparing(Alert::subjectId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final ReadinessPolicy p;

    public BaselineEvaluator(ReadinessPolicy policy) {
        this.p = policy;
    }

    /** Decides one customer as of one day. */
    public Answer assess(CustomerSnapshot s, LocalDate asOf) {
        long today = asOf.toEpochDay();
        long lookFrom = today - p.lookbackDays();
        List<Action> actions = new ArrayList<>(8);
        List<Alert> alerts = new ArrayList<>(4);
        int best = Integer.MAX_VALUE;   // the claimed stage listed first in Stage wins (Stage.outranks)

        // step 1 and 2: sales, positioning
        Sale first = null;
        Sale latest = null;
        for (Sale sale : s.sales()) {
            if (sale.date().toEpochDay() > today) {
                continue;
            }
            if (first == null || sale.date().isBefore(first.date())) {
                first = sale;
            }
            if (latest == null || sale.date().isAfter(latest.date())
                    || (sale.date().equals(latest.date()) && sale.id().compareTo(latest.id()) > 0)) {
                latest = sale;
            }
        }
        if (first == null) {
            best = Math.min(best, Stage.NO_RELATIONSHIP.ordinal());
        } else if (latest.date().toEpochDay() >= today - p.positioningWindowDays()) {
            long closed = latest.date().toEpochDay();
            boolean held = false;
            for (PositioningConversation pc : s.positioningConversations()) {
                long d = pc.date().toEpochDay();
                if (d <= today && d >= closed) {
                    held = true;
                    break;
                }
            }
            if (!held) {
                best = Math.min(best, Stage.POSITIONING.ordinal());
                actions.add(action(ActionType.HOLD_POSITIONING_CONVERSATION, closed + p.positioningDueDays(), today, latest.id()));
            }
        }

        // step 4 signals: green lights and complaints within the look-back
        long[] greenDays = new long[s.feedbackAnswers().size() + s.surveyScores().size()];
        int greens = 0;
        long[] raisedDays = new long[greenDays.length];
        int raised = 0;
        for (FeedbackAnswer f : s.feedbackAnswers()) {
            long d = f.date().toEpochDay();
            if (d > today || d < lookFrom) {
                continue;
            }
            if (f.signal() == FeedbackSignal.GREEN_LIGHT) {
                greenDays[greens++] = d;
            } else if (f.signal() == FeedbackSignal.COMPLAINT) {
                raisedDays[raised++] = d;
            }
        }
        for (SurveyScore score : s.surveyScores()) {
            long d = score.date().toEpochDay();
            if (d > today || d < lookFrom || score.type() != SurveyType.NPS) {
                continue;
            }
            if (score.score() >= p.npsPromoterMin()) {
                greenDays[greens++] = d;
            } else if (score.score() <= p.npsDetractorMax()) {
                raisedDays[raised++] = d;
            }
        }
        // complaint signals: raised day, settled day (Long.MAX_VALUE while open), id for actions
        int signalCount = raised + s.complaints().size();
        long[] sigFrom = new long[signalCount];
        long[] sigTo = new long[signalCount];
        String[] sigId = new String[signalCount];
        int signals = 0;
        for (FeedbackAnswer f : s.feedbackAnswers()) {
            long d = f.date().toEpochDay();
            if (d > today || d < lookFrom || f.signal() != FeedbackSignal.COMPLAINT) {
                continue;
            }
            sigFrom[signals] = d;
            sigTo[signals] = nextGreen(greenDays, greens, d);
            sigId[signals++] = f.id();
        }
        for (SurveyScore score : s.surveyScores()) {
            long d = score.date().toEpochDay();
            if (d > today || d < lookFrom || score.type() != SurveyType.NPS || score.score() > p.npsDetractorMax()) {
                continue;
            }
            sigFrom[signals] = d;
            sigTo[signals] = nextGreen(greenDays, greens, d);
            sigId[signals++] = score.id();
        }
        for (Complaint c : s.complaints()) {
            long d = c.date().toEpochDay();
            if (d > today) {
                continue;
            }
            long resolved = c.resolvedOn() == null || c.resolvedOn().toEpochDay() > today ? Long.MAX_VALUE : c.resolvedOn().toEpochDay();
            if (resolved != Long.MAX_VALUE && resolved < lookFrom) {
                continue;
            }
            sigFrom[signals] = d;
            sigTo[signals] = resolved;
            sigId[signals++] = c.id();
        }
        for (int i = 0; i < signals; i++) {
            if (sigTo[i] == Long.MAX_VALUE) {
                best = Math.min(best, Stage.BLOCKED.ordinal());
                actions.add(action(ActionType.RESOLVE_COMPLAINT, today, today, sigId[i]));
            } else if (sigTo[i] >= today - p.complaintVetoDays()) {
                best = Math.min(best, Stage.BLOCKED.ordinal());
            }
        }

        // step 3: trust on the assessment day
        boolean trustEarned = false;
        if (first != null) {
            boolean[] met = measure(s, today);
            trustEarned = earned(met);
            if (!trustEarned) {
                best = Math.min(best, Stage.EARNING_TRUST.ordinal());
            }
            for (TrustBuilder b : TrustBuilder.values()) {
                if (!met[b.ordinal()]) {
                    actions.add(action(b.remedy(), today, today, null));
                }
            }
        }

        // step 4: confirmation
        boolean confirmed = false;
        if (trustEarned) {
            int counted = 0;
            for (int g = 0; g < greens; g++) {
                long d = greenDays[g];
                if (d < today - p.feedbackWindowDays()) {
                    continue;
                }
                boolean complaintSince = false;
                for (int i = 0; i < signals; i++) {
                    if (sigFrom[i] >= d) {
                        complaintSince = true;
                        break;
                    }
                }
                if (!complaintSince) {
                    counted++;
                }
            }
            confirmed = counted >= p.greenLightsRequired();
            best = Math.min(best, (confirmed ? Stage.READY_TO_ASK : Stage.CONFIRMING).ordinal());
        }

        // step 5: asks
        List<ReferralAsk> asks = s.asks();
        ReferralAsk last = null;
        long[] prematureDays = new long[asks.size()];
        int premature = 0;
        for (ReferralAsk ask : asks) {
            long d = ask.date().toEpochDay();
            if (d > today) {
                continue;
            }
            if (last == null || ask.date().isAfter(last.date()) || (ask.date().equals(last.date()) && ask.id().compareTo(last.id()) > 0)) {
                last = ask;
            }
            if (d < lookFrom) {
                continue;
            }
            boolean early;
            if (first == null || d < first.date().toEpochDay()) {
                early = true;   // before any sale
            } else {
                early = d <= first.date().toEpochDay() + p.prematureAskDays() && !earned(measure(s, d));
            }
            if (early) {
                prematureDays[premature++] = d;
                alerts.add(new Alert(WarningType.PREMATURE_ASK, ask.date(), ask.id()));
            }
        }
        if (last != null && last.date().toEpochDay() >= today - p.askCoolDownDays()) {
            best = Math.min(best, Stage.COOLING_DOWN.ordinal());
        }
        for (ReferralAsk ask : asks) {
            long d = ask.date().toEpochDay();
            if (d > today || d < lookFrom) {
                continue;
            }
            for (int i = 0; i < premature; i++) {
                if (prematureDays[i] < d && prematureDays[i] >= d - p.pushyChaseDays()) {
                    alerts.add(new Alert(WarningType.PUSHY_CHASE, ask.date(), ask.id()));
                    break;
                }
            }
            for (ReferralGiven given : s.referralsGiven()) {
                long g = given.date().toEpochDay();
                if (g <= d && g >= d - p.titForTatDays()) {
                    alerts.add(new Alert(WarningType.TIT_FOR_TAT, ask.date(), ask.id()));
                    break;
                }
            }
            for (ReferralAsk other : asks) {
                long o = other.date().toEpochDay();
                if (other != ask && o <= today && o >= d - p.askCoolDownDays()
                        && (o < d || (o == d && other.id().compareTo(ask.id()) < 0))) {
                    alerts.add(new Alert(WarningType.ASK_FATIGUE, ask.date(), ask.id()));
                    break;
                }
            }
            for (int i = 0; i < signals; i++) {
                if (sigFrom[i] <= d && sigTo[i] > d) {
                    alerts.add(new Alert(WarningType.ASK_DURING_COMPLAINT, ask.date(), ask.id()));
                    break;
                }
            }
            if (ask.type() == AskType.NAMES_ONLY) {
                alerts.add(new Alert(WarningType.BARE_CONTACT_ASK, ask.date(), ask.id()));
            }
            if (ask.type() == AskType.INTRODUCTION && d >= today - p.introductionWaitDays() && !introductionSince(s, d, today)) {
                best = Math.min(best, Stage.AWAITING_INTRODUCTION.ordinal());
            }
        }

        // step 5 and 6: introductions and follow-ups
        for (Introduction intro : s.introductions()) {
            long agreed = intro.date().toEpochDay();
            if (agreed > today) {
                continue;
            }
            if (agreed >= lookFrom) {
                if (intro.confirmedOn() == null || intro.confirmedOn().toEpochDay() > today) {
                    best = Math.min(best, Stage.AWAITING_INTRODUCTION.ordinal());
                    actions.add(action(ActionType.CONFIRM_INTRODUCTION, agreed + p.introductionWaitDays(), today, intro.id()));
                }
                if (!followedUp(s, intro.id(), FollowUpType.THANK_REFERRER, today)) {
                    best = duty(actions, alerts, best, ActionType.THANK_REFERRER, agreed + p.thankReferrerDays(), today, intro.id());
                }
            }
            LocalDate contacted = intro.prospectContactedOn();
            if (contacted != null && contacted.toEpochDay() <= today && contacted.toEpochDay() >= lookFrom
                    && !followedUp(s, intro.id(), FollowUpType.STATUS_REPORT, today)) {
                best = duty(actions, alerts, best, ActionType.SEND_STATUS_REPORT, contacted.toEpochDay() + p.statusReportDays(), today, intro.id());
            }
            ReferredSale sold = null;
            for (ReferredSale rs : s.referredSales()) {
                if (rs.introductionId().equals(intro.id()) && rs.date().toEpochDay() <= today
                        && (sold == null || rs.date().isBefore(sold.date()) || (rs.date().equals(sold.date()) && rs.id().compareTo(sold.id()) < 0))) {
                    sold = rs;
                }
            }
            if (sold != null && sold.date().toEpochDay() >= lookFrom && !followedUp(s, intro.id(), FollowUpType.THANK_YOU_GIFT, today)) {
                best = duty(actions, alerts, best, ActionType.SEND_THANK_YOU_GIFT, sold.date().toEpochDay() + p.thankYouGiftDays(), today, intro.id());
            }
        }

        Stage stage = Stage.values()[best];
        if (stage == Stage.READY_TO_ASK) {
            actions.add(action(ActionType.ASK_FOR_INTRODUCTION, today, today, null));
        }
        if (trustEarned && !confirmed && stage != Stage.BLOCKED) {
            boolean recentFeedback = false;
            for (FeedbackAnswer f : s.feedbackAnswers()) {
                long d = f.date().toEpochDay();
                if (d <= today && d >= today - p.feedbackWindowDays()) {
                    recentFeedback = true;
                    break;
                }
            }
            if (!recentFeedback) {
                actions.add(action(ActionType.REQUEST_TESTIMONIAL, today, today, null));
            }
        }
        actions.sort(ACTION_ORDER);
        alerts.sort(ALERT_ORDER);
        return new Answer(stage, actions, alerts);
    }

    private static long nextGreen(long[] greenDays, int greens, long after) {
        long next = Long.MAX_VALUE;
        for (int g = 0; g < greens; g++) {
            if (greenDays[g] > after && greenDays[g] < next) {
                next = greenDays[g];
            }
        }
        return next;
    }

    private static boolean introductionSince(CustomerSnapshot s, long asked, long today) {
        for (Introduction intro : s.introductions()) {
            long d = intro.date().toEpochDay();
            if (d >= asked && d <= today) {
                return true;
            }
        }
        return false;
    }

    private static boolean followedUp(CustomerSnapshot s, String introId, FollowUpType type, long today) {
        for (FollowUp f : s.followUps()) {
            if (f.type() == type && f.introductionId().equals(introId) && f.date().toEpochDay() <= today) {
                return true;
            }
        }
        return false;
    }

    private static int duty(List<Action> actions, List<Alert> alerts, int best, ActionType type, long due, long today, String introId) {
        actions.add(action(type, due, today, introId));
        if (due < today) {
            alerts.add(new Alert(WarningType.FOLLOW_UP_OVERDUE, LocalDate.ofEpochDay(due), introId));
        }
        return Math.min(best, Stage.FOLLOWING_UP.ordinal());
    }

    private static Action action(ActionType type, long due, long today, String subject) {
        return new Action(type, LocalDate.ofEpochDay(due), (int) Math.max(0, today - due), subject);
    }

    /** Which trust builders are met on a day, over the look-back ending that day. */
    private boolean[] measure(CustomerSnapshot s, long day) {
        long from = day - p.lookbackDays();
        int interactions = 0;
        int rated = 0;
        long ratingSum = 0;
        boolean unsettled = false;
        for (ServiceInteraction si : s.serviceInteractions()) {
            long d = si.date().toEpochDay();
            if (d > day || d < from) {
                continue;
            }
            interactions++;
            if (si.satisfaction() != null) {
                rated++;
                ratingSum += si.satisfaction();
            }
            if (si.status().unresolved()) {
                unsettled = true;
            }
        }
        boolean[] met = new boolean[5];
        met[TrustBuilder.SERVICE_QUALITY.ordinal()] = interactions >= p.serviceMinInteractions() && rated > 0
                && (double) ratingSum / rated >= p.serviceMinAverageRating() && !unsettled;
        int proactive = 0;
        for (ProactiveAction a : s.proactiveActions()) {
            proactive += within(a.date().toEpochDay(), from, day);
        }
        met[TrustBuilder.PROACTIVE_CARE.ordinal()] = proactive >= p.proactiveMinActions();
        int extra = 0;
        for (ExtraValue e : s.extraValues()) {
            extra += within(e.date().toEpochDay(), from, day);
        }
        met[TrustBuilder.EXTRA_VALUE.ordinal()] = extra >= p.extraValueMinDeliveries();
        int given = 0;
        for (ReferralGiven g : s.referralsGiven()) {
            given += within(g.date().toEpochDay(), from, day);
        }
        met[TrustBuilder.RECIPROCITY.ordinal()] = given >= p.reciprocityMinReferrals();
        int touches = 0;
        for (SocialTouch t : s.socialTouches()) {
            touches += within(t.date().toEpochDay(), from, day);
        }
        met[TrustBuilder.RELATIONSHIP.ordinal()] = touches >= p.relationshipMinTouches();
        return met;
    }

    private static int within(long d, long from, long to) {
        return d >= from && d <= to ? 1 : 0;
    }

    private boolean earned(boolean[] met) {
        int count = 0;
        for (TrustBuilder b : TrustBuilder.values()) {
            if (met[b.ordinal()]) {
                count++;
            } else if (p.mandatory(b)) {
                return false;
            }
        }
        return count >= p.trustBuildersRequired();
    }
}
