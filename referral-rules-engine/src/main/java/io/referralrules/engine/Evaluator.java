package io.referralrules.engine;

import io.referralrules.api.ActionType;
import io.referralrules.api.NextAction;
import io.referralrules.api.Obstacle;
import io.referralrules.api.ProspectHint;
import io.referralrules.api.Reason;
import io.referralrules.api.TrustBuilderResult;
import io.referralrules.api.Warning;
import io.referralrules.api.WarningType;
import io.referralrules.engine.internal.Conclusion;
import io.referralrules.engine.internal.Hint;
import io.referralrules.engine.internal.Measured;
import io.referralrules.engine.internal.Noted;
import io.referralrules.engine.internal.Proposed;
import io.referralrules.engine.internal.Raised;
import io.referralrules.engine.internal.RuleFiles;
import io.referralrules.engine.internal.Said;
import io.referralrules.engine.internal.StageClaim;
import io.referralrules.engine.internal.StageDecision;
import io.referralrules.engine.internal.Subject;
import io.referralrules.engine.internal.TrustEarned;
import io.referralrules.engine.internal.Unmet;
import io.referralrules.engine.spi.AsOf;
import io.referralrules.engine.spi.AskVeto;
import io.referralrules.engine.spi.HostAction;
import io.referralrules.engine.spi.HostReason;
import io.referralrules.engine.spi.HostResult;
import io.referralrules.engine.spi.HostWarning;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.Match;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the rules for a batch of customers on one day in one pooled session and reads their answers from the
 * conclusion facts, once, after the rules have fired. The bundled rules join every pattern on the customer
 * ({@link Subject}), so one session decides many customers; a playbook with host rules decides one customer per
 * session, because host rules match the host's own facts, which do not name the customer they belong to.
 */
final class Evaluator {
    /**
     * How many customers one session decides at most: enough to spread the session's fixed cost, few enough that a
     * session's memory stays small (docs/PERFORMANCE.md has the measurements behind the number).
     */
    static final int BATCH = 256;

    private final RuleSet rules;
    private final int batchSize;
    private final int fireLimit;

    /** @param fireLimit how many rule firings one customer's assessment may take at most */
    Evaluator(RuleSet rules, int fireLimit) {
        this.rules = rules;
        this.batchSize = rules.hostRules() ? 1 : BATCH;
        this.fireLimit = fireLimit;
    }

    /**
     * How many firings one customer's assessment may take: the engine's limit, or {@value #FIRINGS_PER_FACT} per fact
     * for a customer with so many facts that the bundled rules alone (a few firings per fact at most) could need more.
     */
    private long allowance(Subject subject) {
        return Math.max(fireLimit, (long) FIRINGS_PER_FACT * subject.factCount());
    }

    /** The firings a customer's assessment may take per fact it has, when that is more than the engine's limit. */
    static final int FIRINGS_PER_FACT = 10;

    /**
     * Lets rules fire up to the session's share of the limit, then refuses every further match (so the session stops
     * instead of running until the heap is gone) and remembers the first one refused.
     */
    private static final class FireLimit implements AgendaFilter {
        private final long limit;
        private long fired;
        private Match refused;

        FireLimit(long limit) {
            this.limit = limit;
        }

        @Override
        public boolean accept(Match match) {
            if (refused != null) {
                return false;
            }
            if (fired == limit) {
                refused = match;
                return false;
            }
            fired++;
            return true;
        }
    }

    /**
     * The answers for the subjects, each on its own day, in order.
     *
     * @param explain whether to record the rules that fired (full detail)
     */
    List<Answer> evaluate(List<Subject> subjects, boolean explain) {
        List<Answer> out = new ArrayList<>(subjects.size());
        for (int from = 0; from < subjects.size(); from += batchSize) {
            out.addAll(session(subjects.subList(from, Math.min(subjects.size(), from + batchSize)), explain));
        }
        return out;
    }

    private List<Answer> session(List<Subject> subjects, boolean explain) {
        Subject only = subjects.size() == 1 ? subjects.get(0) : null;
        FiredRules fired = explain ? new FiredRules(only) : null;
        HostResults host = rules.hostRules() ? new HostResults(rules.files()) : null;
        KieSession session = rules.sessions().newKieSession();
        try {
            if (fired != null) {
                session.addEventListener(fired);
            }
            if (host != null) {
                session.addEventListener((RuleRuntimeEventListener) host);
                session.addEventListener((AgendaEventListener) host);
                // host rules see the host's facts, the assessment day and the policy (docs/writing-rules.md)
                session.insert(new AsOf(only.window().asOf()));
                session.insert(only.window().policy());
                for (Object fact : only.facts()) {
                    session.insert(fact);
                }
            }
            for (Subject subject : subjects) {
                session.insert(subject);
            }
            long allowed = 0;
            for (Subject subject : subjects) {
                allowed += allowance(subject);
            }
            FireLimit limit = new FireLimit(allowed);
            try {
                session.fireAllRules(limit);
            } catch (ConsequenceException e) {
                throw failed(e, only);
            }
            if (limit.refused != null) {
                Subject found = FiredRules.subjectOf(limit.refused);
                Subject subject = found != null ? found : only;
                throw new RuleFiringLimitException(limit.refused.getRule().getName(), subject == null ? null : subject.id(),
                        subject == null ? null : String.valueOf(subject.window().asOf()), limit.fired,
                        subjects.size() == 1 ? allowed : fireLimit);
            }
            return read(session, subjects, fired, host);
        } finally {
            if (fired != null) {
                session.removeEventListener(fired);
            }
            if (host != null) {
                session.removeEventListener((RuleRuntimeEventListener) host);
                session.removeEventListener((AgendaEventListener) host);
            }
            session.dispose();
        }
    }

    private List<Answer> read(KieSession session, List<Subject> subjects, FiredRules fired, HostResults host) {
        RuleFiles files = rules.files();
        Map<Subject, Answer> bySubject = new IdentityHashMap<>(subjects.size() * 2);
        for (Subject subject : subjects) {
            bySubject.put(subject, new Answer());
        }
        // an ask gets the subject's prospect hints, known once every object is read
        Map<Subject, List<NextAction>> asks = new IdentityHashMap<>();
        Map<Subject, List<ProspectHint>> hints = new IdentityHashMap<>();
        for (Object o : session.getObjects()) {
            if (o instanceof Conclusion c) {
                Answer a = bySubject.get(c.subject());
                Reason reason = reason(files, c.said());
                if (c instanceof Unmet u) {
                    a.obstacles.add(new Obstacle(u.kind(), u.subjectId(), u.measured(), u.needed(), u.remedy(), u.clearsOn(), reason));
                    continue;
                }
                a.reasons.add(reason);
                if (c instanceof Proposed p) {
                    NextAction action = new NextAction(p.type(), p.due(), overdueDays(p.due(), p.subject()), p.subjectId(),
                            reason, p.talkTrack(), List.of());
                    if (p.type() == ActionType.ASK_FOR_INTRODUCTION) {
                        asks.computeIfAbsent(p.subject(), s -> new ArrayList<>()).add(action);
                    } else {
                        a.actions.add(action);
                    }
                } else if (c instanceof Raised r) {
                    a.warnings.add(new Warning(r.type(), r.date(), r.subjectId(), reason));
                } else if (c instanceof Measured m) {
                    a.builders.put(m.builder(), new TrustBuilderResult(m.builder(), m.met(), reason.evidence(), reason));
                } else if (!(c instanceof Noted)) {
                    throw new IllegalStateException("unhandled conclusion " + c.getClass().getName());
                }
            } else if (o instanceof StageClaim claim) {
                Answer a = bySubject.get(claim.subject());
                if (claim.veto() != null) {
                    Reason reason = host.reasonOf(claim.veto());
                    a.claim(claim.stage(), reason);
                    a.obstacles.add(Answer.hostVeto(claim.veto().message(), reason));
                } else {
                    Reason reason = reason(files, claim.said());
                    a.claim(claim.stage(), reason);
                    a.reasons.add(reason);
                }
            } else if (o instanceof StageDecision decision) {
                Answer a = bySubject.get(decision.subject());
                if (a.stage != null) {
                    throw new IllegalStateException("stage decided twice for customer " + decision.subject().id());
                }
                a.stage = decision.stage();
            } else if (o instanceof TrustEarned earned && earned.checkpoint().forAssessment()) {
                bySubject.get(earned.subject()).trustEarned = true;
            } else if (o instanceof Hint h) {
                hints.computeIfAbsent(h.subject(), s -> new ArrayList<>()).add(h.hint());
            } else if (o instanceof ProspectHint h) {
                hints.computeIfAbsent(only(subjects), s -> new ArrayList<>()).add(h);
            }
        }
        if (host != null) {
            Subject only = only(subjects);
            Answer a = bySubject.get(only);
            for (Map.Entry<HostResult, Reason> e : host.all()) {
                Reason reason = e.getValue();
                a.reasons.add(reason);
                if (e.getKey() instanceof HostWarning w) {
                    a.warnings.add(new Warning(WarningType.HOST_WARNING, w.date(), w.subjectId(), reason));
                } else if (e.getKey() instanceof HostAction act) {
                    a.actions.add(new NextAction(ActionType.HOST_ACTION, act.dueDate(), overdueDays(act.dueDate(), only),
                            act.subjectId(), reason, act.talkTrack(), List.of()));
                } else if (!(e.getKey() instanceof HostReason) && !(e.getKey() instanceof AskVeto)) {
                    throw new IllegalStateException("unhandled host result " + e.getKey().getClass().getName());
                }
            }
        }
        asks.forEach((subject, proposed) -> {
            List<ProspectHint> sorted = new ArrayList<>(hints.getOrDefault(subject, List.of()));
            sorted.sort(Answer.HINT_ORDER);
            Answer a = bySubject.get(subject);
            for (NextAction ask : proposed) {
                a.actions.add(new NextAction(ask.type(), ask.dueDate(), ask.overdueDays(), ask.subjectId(), ask.reason(),
                        ask.talkTrack(), sorted));
            }
        });
        List<Answer> out = new ArrayList<>(subjects.size());
        for (Subject subject : subjects) {
            Answer a = bySubject.get(subject);
            if (a.stage == null) {
                throw new IllegalStateException("no rule decided a stage for customer " + subject.id() + " as of " + subject.window().asOf()
                        + (fired == null ? "" : "; fired: " + fired.of(subject)));
            }
            if (fired != null) {
                a.firedRules = fired.of(subject);
            }
            out.add(a);
        }
        return out;
    }

    /** A rule that threw, named with the customer and day it was deciding (ids and dates only). */
    private static RuntimeException failed(ConsequenceException e, Subject only) {
        Match match = e.getMatch();
        Subject found = match == null ? null : FiredRules.subjectOf(match);
        Subject subject = found != null ? found : only;
        String rule = match == null ? "(unknown)" : match.getRule().getName();
        return new IllegalStateException("rule '" + rule + "' failed" + (subject == null ? ""
                : " for customer '" + subject.id() + "' as of " + subject.window().asOf()), e);
    }

    private static Subject only(List<Subject> subjects) {
        if (subjects.size() != 1) {
            throw new IllegalStateException("a host result in a session of " + subjects.size() + " customers");
        }
        return subjects.get(0);
    }

    private static Reason reason(RuleFiles files, Said said) {
        return new Reason(said.rule(), files.file(said.packageName(), said.rule()), said.message(), said.evidence());
    }

    private static int overdueDays(LocalDate due, Subject subject) {
        return Math.toIntExact(Math.max(0, ChronoUnit.DAYS.between(due, subject.window().asOf())));
    }
}
