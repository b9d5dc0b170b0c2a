package io.referralrules.engine;

import io.referralrules.api.Reason;
import io.referralrules.engine.internal.Ids;
import io.referralrules.engine.internal.RuleFiles;
import io.referralrules.engine.spi.HostResult;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link HostResult}s host rules insert, each with the reason it gives: the inserting rule, its file, the result's
 * message and evidence. Host results are the host's own records and cannot carry the rule that made them, so the
 * engine learns it here: from the insert event, or, for an insert the event does not attribute (through
 * {@code kcontext.getKieRuntime()}, say), from the rule firing at the time. One instance per session of one customer.
 */
final class HostResults extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    private final RuleFiles files;
    private final List<Map.Entry<HostResult, Reason>> inOrder = new ArrayList<>();
    private final Map<HostResult, Reason> byIdentity = new IdentityHashMap<>();
    private Rule firing;

    HostResults(RuleFiles files) {
        this.files = files;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = event.getMatch().getRule();
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof HostResult result) {
            Rule rule = event.getRule() != null ? event.getRule() : firing;
            String name = rule == null ? "(inserted by the host)" : rule.getName();
            String file = rule == null ? "(unknown)" : files.file(rule.getPackageName(), name);
            Reason reason = new Reason(name, file, result.message(), Ids.sorted(result.evidence()));
            byIdentity.put(result, reason);
            inOrder.add(Map.entry(result, reason));
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // host results are records: nothing to follow
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // a retracted host result stays recorded: the rule did conclude it
    }

    /** Every host result inserted, with its reason, in the order they were inserted. */
    List<Map.Entry<HostResult, Reason>> all() {
        return inOrder;
    }

    /** The reason of one host result. */
    Reason reasonOf(HostResult result) {
        Reason reason = byIdentity.get(result);
        if (reason == null) {
            throw new IllegalStateException("a host result of type " + result.getClass().getSimpleName()
                    + " was not inserted through working memory");
        }
        return reason;
    }
}
