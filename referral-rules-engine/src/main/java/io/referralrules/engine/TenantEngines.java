package io.referralrules.engine;

import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One engine per tenant, for a CRM that serves many companies: each tenant picks a playbook and its own thresholds.
 * Tenants on the same rule set share one compiled KieBase: bundled playbooks are never recompiled, and a playbook
 * with host rules is compiled once per registry, however many tenants use it. Thread-safe.
 *
 * <pre>{@code
 * TenantEngines tenants = new TenantEngines();
 * tenants.register("acme", Playbook.EARNED_TRUST, PolicyJson.read(Path.of("tenants/acme.json"), Playbook.EARNED_TRUST.defaults()));
 * tenants.register("globex", Playbook.POST_SALE_MOMENTUM, Playbook.POST_SALE_MOMENTUM.defaults());
 *
 * ReadinessAssessment a = tenants.engine("acme").assess(snapshot, today);
 * }</pre>
 */
public final class TenantEngines {
    private final Map<String, ReferralReadinessEngine> engines = new ConcurrentHashMap<>();
    private final Map<RuleSetKey, RuleSet> compiled = new ConcurrentHashMap<>();
    private final int fireLimit;

    /** A registry whose engines allow {@link ReferralRules#DEFAULT_FIRE_LIMIT} rule firings per assessment. */
    public TenantEngines() {
        this(ReferralRules.DEFAULT_FIRE_LIMIT);
    }

    /**
     * A registry whose engines allow {@code fireLimit} rule firings per assessment (see
     * {@link ReferralRules.Builder#fireLimit}).
     *
     * @throws IllegalArgumentException if the limit is not positive
     */
    public TenantEngines(int fireLimit) {
        if (fireLimit < 1) {
            throw new IllegalArgumentException("fireLimit must be at least 1, was " + fireLimit);
        }
        this.fireLimit = fireLimit;
    }

    /** Compiled rules are shared by the playbook's rule set, not by its id, version or defaults. */
    private record RuleSetKey(String kieBaseName, List<RuleSource> hostRules) {
    }

    /**
     * Builds and keeps the tenant's engine, replacing any earlier one.
     *
     * @return the tenant's new engine
     * @throws RuleCompilationException if the playbook's host rules do not compile (the earlier engine stays)
     * @throws IllegalStateException    if the playbook has host rules and {@code referral-rules-host-rules} is not on
     *                                  the class path
     */
    public ReferralReadinessEngine register(String tenantId, Playbook playbook, ReadinessPolicy policy) {
        requireTenantId(tenantId);
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(policy, "policy");
        RuleSet rules = playbook.hostRules().isEmpty()
                ? RuleSets.bundled(playbook)
                : compiled.computeIfAbsent(new RuleSetKey(playbook.kieBaseName(), playbook.hostRules()),
                        key -> RuleSets.compile(playbook));
        ReferralReadinessEngine engine = new DroolsReadinessEngine(rules, policy, playbook.ref(), fireLimit);
        engines.put(tenantId, engine);
        return engine;
    }

    /** Builds and keeps the tenant's engine with the playbook's default thresholds. */
    public ReferralReadinessEngine register(String tenantId, Playbook playbook) {
        Objects.requireNonNull(playbook, "playbook");
        return register(tenantId, playbook, playbook.defaults());
    }

    /**
     * The tenant's engine.
     *
     * @throws InvalidInputException if no engine is registered for the tenant
     */
    public ReferralReadinessEngine engine(String tenantId) {
        return find(tenantId).orElseThrow(() -> {
            String problem = "has no engine registered, was '" + tenantId + "' (registered: " + tenants() + ")";
            return new InvalidInputException("tenant " + problem, "tenantId", problem);
        });
    }

    /** The tenant's engine, if one is registered. */
    public Optional<ReferralReadinessEngine> find(String tenantId) {
        requireTenantId(tenantId);
        return Optional.ofNullable(engines.get(tenantId));
    }

    /** Forgets the tenant's engine; compiled rules stay for the other tenants. */
    public void remove(String tenantId) {
        requireTenantId(tenantId);
        engines.remove(tenantId);
    }

    /** The registered tenant ids, sorted. */
    public Set<String> tenants() {
        return new TreeSet<>(engines.keySet());
    }

    private static void requireTenantId(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            String problem = "must not be blank, was " + (tenantId == null ? "null" : "'" + tenantId + "'");
            throw new InvalidInputException("tenantId " + problem, "tenantId", problem);
        }
    }
}
