package io.referralrules.server;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.engine.RuleSource;
import io.referralrules.json.PolicyJson;
import io.referralrules.json.ReferralJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * One engine per configured tenant, all built at start: a tenant whose playbook, policy file or host rules cannot be
 * used stops the start with a message naming the tenant and the file.
 */
final class TenantRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(TenantRegistry.class);
    /** A customer with no facts: assessed once per tenant at start to read the rules' and policy's fingerprints. */
    private static final String PROBE = "{\"schemaVersion\": 1, \"customer\": {\"id\": \"probe\", \"type\": \"BUSINESS\","
            + " \"ownerId\": \"probe\"}}";

    private final Map<String, Tenant> tenants;

    private TenantRegistry(Map<String, Tenant> tenants) {
        this.tenants = Map.copyOf(tenants);
    }

    /**
     * Builds every tenant's engine.
     *
     * @throws TenantConfigurationException naming the tenant (and the file) that cannot be used
     */
    static TenantRegistry build(ServerProperties properties, ResourceLoader resources) {
        Map<String, Tenant> built = new TreeMap<>();
        properties.tenants().forEach((id, config) -> built.put(id, tenant(id, config, resources)));
        LOG.info("{} tenants ready: {}", built.size(), built.keySet());
        return new TenantRegistry(built);
    }

    /** The tenant with that id, if configured. */
    Optional<Tenant> find(String id) {
        return Optional.ofNullable(id == null ? null : tenants.get(id));
    }

    private static Tenant tenant(String id, ServerProperties.TenantProperties config, ResourceLoader resources) {
        String prefix = "referral-rules.tenants." + id;
        if (config.playbook() == null) {
            throw new TenantConfigurationException("tenant '" + id + "': " + prefix + ".playbook is missing (earned-trust or"
                    + " post-sale-momentum)");
        }
        Playbook playbook;
        try {
            playbook = Playbook.byId(config.playbook());
        } catch (IllegalArgumentException e) {
            throw new TenantConfigurationException("tenant '" + id + "': " + prefix + "." + e.getMessage(), e);
        }
        ReadinessPolicy policy = playbook.defaults();
        if (config.policyFile() != null) {
            String location = config.policyFile();
            try {
                policy = PolicyJson.parse(text(resources, location), location, playbook.defaults());
            } catch (IllegalArgumentException e) {
                throw new TenantConfigurationException("tenant '" + id + "': policy file " + e.getMessage(), e);
            } catch (IOException e) {
                throw new TenantConfigurationException("tenant '" + id + "': cannot read policy file " + location + " ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        }
        boolean hostRules = !config.hostRules().isEmpty();
        if (hostRules) {
            if (config.hostPlaybookId() == null || config.hostPlaybookVersion() == null) {
                throw new TenantConfigurationException("tenant '" + id + "': " + prefix + ".host-rules need "
                        + prefix + ".host-playbook-id and " + prefix + ".host-playbook-version");
            }
            List<RuleSource> sources = new ArrayList<>();
            for (String location : config.hostRules()) {
                try {
                    sources.add(RuleSource.of(location, text(resources, location)));
                } catch (IOException e) {
                    throw new TenantConfigurationException("tenant '" + id + "': cannot read host rules " + location
                            + " (" + e.getClass().getSimpleName() + ")", e);
                }
            }
            playbook = playbook.withHostRules(config.hostPlaybookId(), config.hostPlaybookVersion(), sources);
        }
        ReferralReadinessEngine engine;
        DecisionRecord probe;
        try {
            engine = ReferralRules.engine(playbook, policy);
            CustomerSnapshot nobody = ReferralJson.readSnapshot(PROBE, "probe");
            probe = engine.record(nobody, LocalDate.of(2026, 1, 1));
        } catch (RuntimeException e) {
            // a RuleCompilationException's message lists every error as file:line: message
            throw new TenantConfigurationException("tenant '" + id + "': the rules do not compile: " + e.getMessage(), e);
        }
        return new Tenant(id, engine, hostRules, probe.rulesHash(), probe.policyHash(), PolicyJson.write(policy));
    }

    private static String text(ResourceLoader resources, String location) throws IOException {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new java.io.FileNotFoundException(location);
        }
        try (InputStream in = resource.getInputStream()) {
            return ReferralJson.decodeUtf8(in.readAllBytes(), location);
        }
    }

    /**
     * One tenant's engine and what {@code GET /v1/playbooks} says of it.
     *
     * @param id         the tenant's id
     * @param engine     its engine
     * @param hostRules  whether its playbook has host rules
     * @param rulesHash  SHA-256 of its rules (as in its decision records)
     * @param policyHash SHA-256 of its thresholds (as in its decision records)
     * @param policyJson its thresholds as {@link PolicyJson#write} writes them
     */
    record Tenant(String id, ReferralReadinessEngine engine, boolean hostRules, String rulesHash, String policyHash,
                  String policyJson) {
    }

    /** A tenant that cannot be used; the message names the tenant and the file. */
    static final class TenantConfigurationException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        TenantConfigurationException(String message) {
            super(message);
        }

        TenantConfigurationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
