package io.referralrules.engine;

import io.referralrules.api.Reason;
import io.referralrules.engine.internal.Ids;
import io.referralrules.engine.internal.RuleFiles;
import io.referralrules.engine.spi.HostResult;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The {@link HostResult}s host rules insert, each with the reason it gives: the inserting rule (named by the insert
 * event itself), its file, the result's message and evidence. Host results are the host's own records and cannot
 * carry the rule that made them, so the engine learns it here. One instance per session of one customer.
 */
final class HostResults implements RuleRuntimeEventListener {
    private final RuleFiles files;
    private final Map<HostResult, Reason> byIdentity = new IdentityHashMap<>();

    HostResults(RuleFiles files) {
        this.files = files;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof HostResult result) {
            String rule = event.getRule() == null ? "(inserted by the host)" : event.getRule().getName();
            String file = event.getRule() == null ? "(unknown)" : files.file(event.getRule().getPackageName(), rule);
            Reason reason = new Reason(rule, file, result.message(), Ids.sorted(result.evidence()));
            byIdentity.put(result, reason);
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

    /** Every host result inserted, with its reason. */
    Map<HostResult, Reason> all() {
        return byIdentity;
    }

    /** The reason of one host result. */
    Reason reasonOf(HostResult result) {
        Reason reason = byIdentity.get(result);
        if (reason == null) {
            throw new IllegalStateException("host result not inserted through working memory: " + result);
        }
        return reason;
    }
}
