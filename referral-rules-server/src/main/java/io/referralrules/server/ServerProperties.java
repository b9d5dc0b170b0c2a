package io.referralrules.server;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service's configuration, prefix {@code referral-rules} ({@code referral-rules.security} is read by the security
 * package).
 *
 * <pre>{@code
 * referral-rules:
 *   business-zone: Europe/Amsterdam
 *   max-body-bytes: 1MB
 *   max-batch-bytes: 1GB
 *   tenants:
 *     acme:
 *       playbook: earned-trust
 *     globex:
 *       playbook: post-sale-momentum
 *       policy-file: classpath:tenants/globex-policy.json
 * }</pre>
 *
 * @param businessZone  the time zone whose today is the default {@code asOf}
 * @param maxBodyBytes  the largest body of a single request (and of one line of a batch)
 * @param maxBatchBytes the largest body of {@code POST /v1/assessments:batch}
 * @param tenantHeader  the header naming the tenant a request acts for
 * @param tenants       the tenants by id
 */
@ConfigurationProperties("referral-rules")
record ServerProperties(@DefaultValue("UTC") ZoneId businessZone,
                        @DefaultValue("1MB") DataSize maxBodyBytes,
                        @DefaultValue("1GB") DataSize maxBatchBytes,
                        @DefaultValue("Referral-Tenant") String tenantHeader,
                        Map<String, TenantProperties> tenants) {

    ServerProperties {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    /**
     * One tenant's rules.
     *
     * @param playbook            the bundled playbook: {@code earned-trust} or {@code post-sale-momentum}
     * @param policyFile          a resource location of a policy file (thresholds over the playbook's defaults), or
     *                            null for the playbook's defaults
     * @param hostRules           resource locations of the tenant's own DRL files, or empty
     * @param hostPlaybookId      the id of the playbook with host rules (required with host rules)
     * @param hostPlaybookVersion its version (required with host rules)
     */
    record TenantProperties(String playbook, String policyFile, List<String> hostRules, String hostPlaybookId,
                            String hostPlaybookVersion) {
        TenantProperties {
            hostRules = hostRules == null ? List.of() : List.copyOf(hostRules);
        }
    }
}
