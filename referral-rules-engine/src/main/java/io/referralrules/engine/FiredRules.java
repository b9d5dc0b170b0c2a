package io.referralrules.engine;

import io.referralrules.engine.internal.OfSubject;
import io.referralrules.engine.internal.Subject;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records which rules fired, per customer: each match names its customer through the {@link Subject} or a fact
 * {@link OfSubject} it matched. A host rule matches the host's own facts; host rules run in a session of one customer,
 * so its firings are that customer's. One instance per session: not thread-safe.
 */
final class FiredRules extends DefaultAgendaEventListener {
    private final Map<Subject, List<String>> bySubject = new IdentityHashMap<>();
    private final Subject onlySubject;

    /** @param onlySubject the session's one customer, or {@code null} when a session holds many */
    FiredRules(Subject onlySubject) {
        this.onlySubject = onlySubject;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Subject subject = onlySubject != null ? onlySubject : subjectOf(event.getMatch());
        if (subject == null) {
            throw new IllegalStateException("rule '" + event.getMatch().getRule().getName()
                    + "' fired without a customer in a session of many");
        }
        bySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(event.getMatch().getRule().getName());
    }

    /** The customer a match is about: its {@link Subject}, or the subject of a fact {@link OfSubject}; else {@code null}. */
    static Subject subjectOf(Match match) {
        for (Object o : match.getObjects()) {
            if (o instanceof Subject s) {
                return s;
            }
            if (o instanceof OfSubject f) {
                return f.subject();
            }
        }
        return null;
    }

    /** The rules that fired for the customer, in firing order. */
    List<String> of(Subject subject) {
        return bySubject.getOrDefault(subject, List.of());
    }
}
