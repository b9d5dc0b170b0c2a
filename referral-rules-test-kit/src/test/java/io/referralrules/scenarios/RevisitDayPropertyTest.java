package io.referralrules.scenarios;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.NextAction;
import io.referralrules.api.Obstacle;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.ExtraValue;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FeedbackSignal;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.IndustryEvent;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.IssueStatus;
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
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The revisit day ({@link ReadinessAssessment#revisitOn()}) holds its promise on generated customers: assessed as of a
 * random day, then again on every following day up to the revisit day, the {@linkplain ReadinessAssessment#answer()
 * answer} stays the same until the day before it, and on it the answer differs, or one of the documented edges
 * explains why not.
 *
 * <p>{@value #CUSTOMERS} customers a run, half under each bundled playbook, in cohorts of {@value #COHORT} that share a
 * playbook, a policy (the defaults, or random windows, short enough that their edges fall within the walk) and an
 * assessment day, so each day's cohort is decided in one batch. Facts are dated around the assessment day, many just
 * inside a window of the policy (so that they leave it soon), some after it (so that they enter), with every kind of
 * fact, optional date and reference. Each customer is walked at most {@value #MAX_DAYS} days; one with no revisit day
 * is walked all {@value #MAX_DAYS}. Seeded: {@code -Dreferralrules.seed=N} repeats a run; every failure names its seed
 * and customer.
 *
 * <p>The documented edges, when the answer on the revisit day is the same (the engine errs early, never late). Such a
 * revisit day must be an edge of this customer, worked out here from its facts and the policy without the engine: a
 * fact's day, a fact's day plus a window or delay of the policy (and one more), an action's due day (and the day
 * after), a clearing day or the earliest ask day; any other day fails. The edges are told apart by what changed
 * beneath the answer between the day before and the revisit day:
 * <ul>
 *   <li>{@link Edge#COUNT_ON_THE_SAME_SIDE}: a fact left (or entered) a window, so a trust builder's evidence or a
 *       reason's evidence changed, but the count stayed on the same side of its threshold;</li>
 *   <li>{@link Edge#NOTHING_THE_RULES_USE}: a window edge that no rule acts on for this customer at the moment (the
 *       other playbook's window, a fact a rule would only count if another held, a boundary that a later fact
 *       overrides).</li>
 * </ul>
 * Together they must stay under {@value #EDGE_SHARE_PERCENT}% of the customers whose revisit day was reached (about 4%
 * in the runs seen, two thirds of them of the second kind: the engine takes a green light's, a complaint's or an ask's
 * window edges whenever a rule could use them, without working out whether it would).
 */
@DisplayName("The revisit day: the same answer until it, a different one on it (or a documented edge)")
class RevisitDayPropertyTest {
    private static final String SEED_PROPERTY = "referralrules.seed";
    private static final int CUSTOMERS = 2_400;
    private static final int COHORT = 40;
    private static final int MAX_DAYS = 400;
    private static final int EDGE_SHARE_PERCENT = 12;
    private static final LocalDate AROUND = LocalDate.of(2026, 6, 15);

    /** Why the answer on the revisit day can be the same as before it. */
    enum Edge {
        COUNT_ON_THE_SAME_SIDE,
        NOTHING_THE_RULES_USE
    }

    /** One generated customer being walked. */
    private static final class Walk {
        final int number;
        final CustomerSnapshot snapshot;
        final ReadinessAssessment first;
        ReadinessAssessment previous;
        final LocalDate stopAfter;

        Walk(int number, CustomerSnapshot snapshot, ReadinessAssessment first) {
            this.number = number;
            this.snapshot = snapshot;
            this.first = first;
            this.previous = first;
            LocalDate cap = first.asOf().plusDays(MAX_DAYS);
            this.stopAfter = first.revisitOn() == null || first.revisitOn().isAfter(cap) ? cap : first.revisitOn();
        }
    }

    @Test
    void theAnswerHoldsUntilTheRevisitDayAndChangesOnIt() {
        long seed = seed();
        SplittableRandom random = new SplittableRandom(seed);
        Map<Edge, Integer> edges = new EnumMap<>(Edge.class);
        int reached = 0;
        int changed = 0;
        int none = 0;
        int beyondCap = 0;
        long assessments = 0;
        List<Long> distances = new ArrayList<>();
        for (int cohort = 0; cohort * COHORT < CUSTOMERS; cohort++) {
            Playbook playbook = cohort % 2 == 0 ? Playbook.EARNED_TRUST : Playbook.POST_SALE_MOMENTUM;
            ReadinessPolicy policy = random.nextInt(3) == 0 ? playbook.defaults() : randomPolicy(random, playbook.defaults());
            ReferralReadinessEngine engine = ReferralRules.engine(playbook, policy);
            LocalDate asOf = AROUND.plusDays(random.nextInt(-400, 401));
            List<CustomerSnapshot> snapshots = new ArrayList<>();
            for (int i = 0; i < COHORT; i++) {
                snapshots.add(customer(random, cohort * COHORT + i, asOf, policy));
            }
            List<ReadinessAssessment> full = engine.assessAll(snapshots, asOf, Detail.FULL);
            List<ReadinessAssessment> decision = engine.assessAll(snapshots, asOf, Detail.DECISION);
            List<Walk> walks = new ArrayList<>();
            for (int i = 0; i < COHORT; i++) {
                String which = which(seed, cohort * COHORT + i, playbook, policy, asOf, snapshots.get(i));
                assertThat(decision.get(i).revisitOn()).as("the revisit day at decision detail, %s", which)
                        .isEqualTo(full.get(i).revisitOn());
                walks.add(new Walk(cohort * COHORT + i, snapshots.get(i), full.get(i)));
                if (full.get(i).revisitOn() == null) {
                    none++;
                } else {
                    distances.add(ChronoUnit.DAYS.between(asOf, full.get(i).revisitOn()));
                }
            }
            for (int day = 1; day <= MAX_DAYS && !walks.isEmpty(); day++) {
                LocalDate on = asOf.plusDays(day);
                List<ReadinessAssessment> answers = engine.assessAll(walks.stream().map(w -> w.snapshot).toList(), on, Detail.FULL);
                assessments += answers.size();
                List<Walk> still = new ArrayList<>();
                for (int i = 0; i < walks.size(); i++) {
                    Walk walk = walks.get(i);
                    ReadinessAssessment now = answers.get(i);
                    String which = which(seed, walk.number, playbook, policy, asOf, walk.snapshot);
                    boolean revisit = on.equals(walk.first.revisitOn());
                    if (!revisit) {
                        if (!now.sameAnswer(walk.first)) {
                            fail("The answer changed on %s, before the revisit day %s, for %s:%nthen %s%nnow  %s", on,
                                    walk.first.revisitOn(), which, walk.first.answer().canonical(), now.answer().canonical());
                        }
                    } else {
                        reached++;
                        if (!now.sameAnswer(walk.first)) {
                            changed++;
                        } else if (!edgeDays(walk.snapshot, policy, walk.first).contains(on)) {
                            fail("The answer did not change on the revisit day %s, which is no day of a fact of the"
                                    + " customer nor a window edge or deadline of one, for %s:%n%s", on, which,
                                    now.answer().canonical());
                        } else {
                            edges.merge(edge(walk.previous, now), 1, Integer::sum);
                        }
                    }
                    walk.previous = now;
                    if (on.isBefore(walk.stopAfter)) {
                        still.add(walk);
                    } else if (!revisit && walk.first.revisitOn() != null) {
                        beyondCap++;
                    }
                }
                walks = still;
            }
        }
        int edgeCount = edges.values().stream().mapToInt(Integer::intValue).sum();
        String summary = String.format("seed %d (rerun with -D%s=%d): %d customers, %d assessments walked, %d revisit days"
                        + " reached, %d changed the answer, edges %s, %d with no revisit day, %d beyond %d days, median distance %s",
                seed, SEED_PROPERTY, seed, CUSTOMERS, assessments, reached, changed, edges, none, beyondCap, MAX_DAYS,
                distances.stream().sorted().skip(distances.size() / 2).findFirst().orElse(-1L));
        System.out.println("RevisitDayPropertyTest: " + summary);
        assertThat(changed + edgeCount).as(summary).isEqualTo(reached);
        assertThat(edgeCount * 100).as("share of documented edges, %s", summary).isLessThan(EDGE_SHARE_PERCENT * reached);
        // the walk means something: most customers reach their revisit day, and some customers have none
        assertThat(reached).as(summary).isGreaterThan(CUSTOMERS / 2);
        assertThat(none).as(summary).isPositive();
        assertThat(changed).as(summary).isGreaterThan(reached / 2);
    }

    /** What changed beneath an unchanged answer between the day before the revisit day and the revisit day. */
    private static Edge edge(ReadinessAssessment before, ReadinessAssessment on) {
        boolean evidence = !before.trustBuilders().stream().map(t -> t.builder() + " " + t.evidence()).toList()
                .equals(on.trustBuilders().stream().map(t -> t.builder() + " " + t.evidence()).toList())
                || !before.reasons().stream().map(r -> r.rule() + " " + r.evidence()).sorted().toList()
                .equals(on.reasons().stream().map(r -> r.rule() + " " + r.evidence()).sorted().toList())
                || !before.actions().stream().map(NextAction::prospectHints).toList()
                .equals(on.actions().stream().map(NextAction::prospectHints).toList());
        return evidence ? Edge.COUNT_ON_THE_SAME_SIDE : Edge.NOTHING_THE_RULES_USE;
    }

    /**
     * Every day on which a documented edge can fall, worked out from the facts and the policy alone, not by the engine's
     * computation: each day a fact (or its confirmation, first contact or resolution) is dated, that day plus each of
     * the policy's windows and delays (a deadline falls due) and one more (the fact has left the window, the deadline
     * has passed); each due day of an action of the first answer and the day after; each unmet condition's clearing day;
     * the earliest ask day.
     */
    private static Set<LocalDate> edgeDays(CustomerSnapshot snapshot, ReadinessPolicy policy, ReadinessAssessment first) {
        List<Integer> windows = new ArrayList<>();
        for (RecordComponent component : ReadinessPolicy.class.getRecordComponents()) {
            if (component.getType() == int.class && component.getName().endsWith("Days")) {
                try {
                    windows.add((Integer) component.getAccessor().invoke(policy));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(component.getName(), e);
                }
            }
        }
        List<LocalDate> dated = new ArrayList<>();
        snapshot.facts().forEach(fact -> {
            dated.add(fact.date());
            if (fact instanceof Introduction i) {
                dated.add(i.confirmedOn());
                dated.add(i.prospectContactedOn());
            } else if (fact instanceof Complaint c) {
                dated.add(c.resolvedOn());
            }
        });
        Set<LocalDate> days = new HashSet<>();
        for (LocalDate day : dated) {
            if (day != null) {
                days.add(day);
                for (int window : windows) {
                    days.add(day.plusDays(window));
                    days.add(day.plusDays(window + 1L));
                }
            }
        }
        for (NextAction action : first.actions()) {
            days.add(action.dueDate());
            days.add(action.dueDate().plusDays(1));
        }
        first.whyNot().stream().map(Obstacle::clearsOn).filter(Objects::nonNull).forEach(days::add);
        if (first.earliestAsk().date() != null) {
            days.add(first.earliestAsk().date());
        }
        return days;
    }

    private static String which(long seed, int number, Playbook playbook, ReadinessPolicy policy, LocalDate asOf,
                                CustomerSnapshot snapshot) {
        return String.format("customer %d of seed %d (rerun with -D%s=%d), %s as of %s, %s, %s", number, seed,
                SEED_PROPERTY, seed, playbook.id(), asOf, policy, snapshot);
    }

    /** Windows short enough that their edges fall within the walk; thresholds low enough that customers get ready. */
    private static ReadinessPolicy randomPolicy(SplittableRandom r, ReadinessPolicy defaults) {
        int lookback = r.nextInt(20, 400);
        return defaults.toBuilder()
                .lookbackDays(lookback)
                .feedbackWindowDays(r.nextInt(0, lookback + 1))
                .momentumWindowDays(r.nextInt(0, Math.min(lookback, 60) + 1))
                .positioningWindowDays(r.nextInt(0, 60))
                .positioningDueDays(r.nextInt(0, 5))
                .complaintVetoDays(r.nextInt(0, 60))
                .prematureAskDays(r.nextInt(0, 30))
                .pushyChaseDays(r.nextInt(0, 14))
                .titForTatDays(r.nextInt(0, 30))
                .askCoolDownDays(r.nextInt(0, 120))
                .introductionWaitDays(r.nextInt(0, 14))
                .thankReferrerDays(r.nextInt(0, 5))
                .statusReportDays(r.nextInt(0, 7))
                .thankYouGiftDays(r.nextInt(0, 14))
                .greenLightsRequired(r.nextInt(0, 4))
                .trustBuildersRequired(r.nextInt(0, 4))
                .mandatoryTrustBuilders(r.nextBoolean() ? defaults.mandatoryTrustBuilders()
                        : r.nextBoolean() ? Set.of() : EnumSet.of(TrustBuilder.SERVICE_QUALITY))
                .serviceMinInteractions(r.nextInt(0, 3))
                // the survey switches: CSAT and CES scores then count as green lights and complaints
                .csatFeedback(r.nextBoolean())
                .cesFeedback(r.nextBoolean())
                .build();
    }

    /** A day around the assessment day: in the look-back, just inside a window (so it leaves soon), or after it. */
    private static LocalDate day(SplittableRandom r, LocalDate asOf, ReadinessPolicy p) {
        int pick = r.nextInt(100);
        if (pick < 45) {
            return asOf.minusDays(r.nextInt(0, p.lookbackDays() + 30));
        }
        if (pick < 85) {
            int[] windows = {p.lookbackDays(), p.feedbackWindowDays(), p.positioningWindowDays(), p.momentumWindowDays(),
                    p.askCoolDownDays(), p.complaintVetoDays(), p.introductionWaitDays(), p.positioningDueDays(),
                    p.thankReferrerDays(), p.statusReportDays(), p.thankYouGiftDays()};
            return asOf.minusDays(windows[r.nextInt(windows.length)]).plusDays(r.nextInt(-2, 30));
        }
        return asOf.plusDays(r.nextInt(1, 60));
    }

    private static LocalDate maybeAfter(SplittableRandom r, LocalDate date, int percent, int upTo) {
        return r.nextInt(100) < percent ? date.plusDays(r.nextInt(0, upTo)) : null;
    }

    private static CustomerSnapshot customer(SplittableRandom r, int number, LocalDate asOf, ReadinessPolicy p) {
        CustomerType type = r.nextBoolean() ? CustomerType.BUSINESS : CustomerType.INDIVIDUAL;
        CustomerSnapshot.Builder b = CustomerSnapshot.builder(new Customer("C-" + number, type, "rep-" + (number % 7), null));
        if (r.nextInt(100) < 4) {
            // nothing time-bound: no facts, or a sale and its service long past every window
            if (r.nextBoolean()) {
                LocalDate old = asOf.minusDays(p.lookbackDays() + r.nextInt(1, 400));
                b.add(new Sale("S-0", old, BigDecimal.TEN, null)).add(new ServiceInteraction("SI-1", old, 5, IssueStatus.RESOLVED));
            }
            return b.build();
        }
        int sales = r.nextInt(100) < 10 ? 0 : r.nextInt(1, 4);
        List<LocalDate> saleDays = new ArrayList<>();
        for (int i = 0; i < sales; i++) {
            LocalDate day = day(r, asOf, p);
            saleDays.add(day);
            b.add(new Sale("S-" + i, day, BigDecimal.valueOf(r.nextInt(100, 10_000)), null));
        }
        for (int i = r.nextInt(0, 5); i > 0; i--) {
            int pick = r.nextInt(10);
            Integer rating = pick == 0 ? null : pick < 3 ? 3 : pick < 6 ? 4 : 5;
            IssueStatus status = r.nextInt(10) < 8 ? IssueStatus.RESOLVED : r.nextBoolean() ? IssueStatus.OPEN : IssueStatus.ESCALATED;
            b.add(new ServiceInteraction("SI-" + i, day(r, asOf, p), rating, status));
        }
        for (int i = r.nextInt(0, 3); i > 0; i--) {
            b.add(new ProactiveAction("PA-" + i, day(r, asOf, p), null));
        }
        for (int i = r.nextInt(0, 3); i > 0; i--) {
            b.add(new ExtraValue("EV-" + i, day(r, asOf, p), null));
        }
        for (int i = r.nextInt(0, 3); i > 0; i--) {
            b.add(new ReferralGiven("RG-" + i, day(r, asOf, p), null));
        }
        for (int i = r.nextInt(0, 3); i > 0; i--) {
            b.add(new SocialTouch("ST-" + i, day(r, asOf, p), null));
        }
        for (int i = r.nextInt(0, 2); i > 0; i--) {
            b.add(new IndustryEvent("IE-" + i, day(r, asOf, p), "Event " + i));
        }
        if (!saleDays.isEmpty() && r.nextBoolean()) {
            LocalDate sale = saleDays.get(r.nextInt(saleDays.size()));
            b.add(new PositioningConversation("PC-1", sale.plusDays(r.nextInt(-3, 20))));
        }
        for (int i = r.nextInt(0, 4); i > 0; i--) {
            int pick = r.nextInt(20);
            FeedbackSignal signal = pick < 12 ? FeedbackSignal.GREEN_LIGHT : pick < 15 ? FeedbackSignal.NEUTRAL : FeedbackSignal.COMPLAINT;
            b.add(new FeedbackAnswer("FA-" + i, day(r, asOf, p), null, signal));
        }
        for (int i = r.nextInt(0, 3); i > 0; i--) {
            int scale = r.nextInt(4);
            SurveyType survey = scale == 0 ? SurveyType.CSAT : scale == 1 ? SurveyType.CES : SurveyType.NPS;
            b.add(new SurveyScore("SS-" + i, day(r, asOf, p), survey, r.nextInt(survey.min(), survey.max() + 1)));
        }
        for (int i = r.nextInt(100) < 25 ? r.nextInt(1, 3) : 0; i > 0; i--) {
            LocalDate opened = day(r, asOf, p);
            b.add(new Complaint("CO-" + i, opened, maybeAfter(r, opened, 65, 60)));
        }
        List<String> asks = new ArrayList<>();
        for (int i = r.nextInt(0, 3); i > 0; i--) {
            String id = "A-" + i;
            asks.add(id);
            b.add(new ReferralAsk(id, day(r, asOf, p), r.nextInt(5) == 0 ? AskType.NAMES_ONLY : AskType.INTRODUCTION));
        }
        List<String> introductions = new ArrayList<>();
        for (int i = r.nextInt(100) < 40 ? r.nextInt(1, 3) : 0; i > 0; i--) {
            String id = "I-" + i;
            introductions.add(id);
            LocalDate agreed = day(r, asOf, p);
            b.add(new Introduction(id, agreed, asks.isEmpty() || r.nextInt(4) == 0 ? null : asks.get(r.nextInt(asks.size())),
                    "PR-" + i, IntroductionChannel.values()[r.nextInt(IntroductionChannel.values().length)],
                    maybeAfter(r, agreed, 50, 15), maybeAfter(r, agreed, 50, 15)));
        }
        if (!introductions.isEmpty()) {
            for (int i = r.nextInt(0, 3); i > 0; i--) {
                b.add(new FollowUp("FU-" + i, day(r, asOf, p), introductions.get(r.nextInt(introductions.size())),
                        FollowUpType.values()[r.nextInt(FollowUpType.values().length)]));
            }
            for (int i = r.nextInt(0, 2); i > 0; i--) {
                b.add(new ReferredSale("RS-" + i, day(r, asOf, p), introductions.get(r.nextInt(introductions.size())),
                        BigDecimal.valueOf(r.nextInt(100, 5_000))));
            }
        }
        return b.build();
    }

    /** The seed of this run: {@value #SEED_PROPERTY} when set, else a fresh one (named in every failure). */
    private static long seed() {
        String given = System.getProperty(SEED_PROPERTY);
        return given == null || given.isBlank() ? new SplittableRandom().nextLong() : Long.parseLong(given.strip());
    }
}
