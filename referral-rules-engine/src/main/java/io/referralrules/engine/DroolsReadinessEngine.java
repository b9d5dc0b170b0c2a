package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.NextAction;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Warning;
import io.referralrules.engine.spi.AsOf;
import io.referralrules.engine.internal.Findings;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The engine: one shared KieBase, a fresh stateless session per assessment. Thread-safe. */
final class DroolsReadinessEngine implements ReferralReadinessEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DroolsReadinessEngine.class);

    private static final Comparator<NextAction> ACTION_ORDER = Comparator.comparing(NextAction::dueDate)
            .thenComparing(NextAction::type)
            .thenComparing(NextAction::subjectId, Comparator.nullsFirst(Comparator.naturalOrder()));
    private static final Comparator<Warning> WARNING_ORDER = Comparator.comparing(Warning::date)
            .thenComparing(Warning::type)
            .thenComparing(Warning::subjectId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final KieBase kieBase;
    private final ReadinessPolicy policy;
    private final PlaybookRef playbook;

    DroolsReadinessEngine(KieBase kieBase, ReadinessPolicy policy, PlaybookRef playbook) {
        this.kieBase = Objects.requireNonNull(kieBase, "kieBase");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.playbook = Objects.requireNonNull(playbook, "playbook");
    }

    @Override
    public ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(asOf, "asOf");

        List<Object> facts = AsOfFacts.of(snapshot, asOf);
        facts.add(new AsOf(asOf));
        facts.add(policy);

        Findings findings = new Findings(asOf);
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("findings", findings);
        session.addEventListener((AgendaEventListener) findings);
        session.addEventListener((RuleRuntimeEventListener) findings);
        session.execute(facts);

        if (findings.stage() == null) {
            throw new IllegalStateException("no rule decided a stage for customer " + snapshot.customer().id()
                    + " as of " + asOf + "; fired: " + findings.firedRules());
        }
        List<NextAction> actions = new ArrayList<>(findings.actions());
        actions.sort(ACTION_ORDER);
        List<Warning> warnings = new ArrayList<>(findings.warnings());
        warnings.sort(WARNING_ORDER);
        ReadinessAssessment assessment = new ReadinessAssessment(snapshot.customer().id(), asOf, playbook, findings.stage(),
                findings.stageReason(), findings.trustEarned(), findings.builders(), actions, warnings,
                findings.reasons(), findings.firedRules());
        if (LOG.isDebugEnabled()) {
            LOG.debug("assessed customer={} asOf={} playbook={} stage={} rules={}", assessment.customerId(), asOf, playbook,
                    assessment.stage(), assessment.firedRules());
        }
        return assessment;
    }

    @Override
    public ReadinessPolicy policy() {
        return policy;
    }

    @Override
    public PlaybookRef playbook() {
        return playbook;
    }

    /** The compiled rules; engines of one rule set share it. */
    KieBase kieBase() {
        return kieBase;
    }

    @Override
    public String toString() {
        return "ReferralReadinessEngine[" + playbook + "]";
    }
}
