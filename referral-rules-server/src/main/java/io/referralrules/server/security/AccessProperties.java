package io.referralrules.server.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code referral-rules.security.*}: who may call the service.
 *
 * <p>Values are bound as given and checked later, by {@link ApiKeys}: a binding failure would make Spring Boot print
 * the offending value, and a plain API key pasted where its digest belongs must never be printed.
 *
 * @param apiKeys       per tenant id, the SHA-256 digests (64 hex characters) of the API keys that act for it
 * @param tenantClaim   the JWT claim holding the caller's tenant id
 * @param publicOpenapi whether {@code /v3/api-docs} is open without a credential (else a credential is required)
 * @param publicMetrics whether {@code /actuator/metrics} and {@code /actuator/prometheus} are open without a
 *                      credential (else a credential is required)
 */
@ConfigurationProperties("referral-rules.security")
record AccessProperties(
        Map<String, List<String>> apiKeys,
        @DefaultValue("tenant") String tenantClaim,
        @DefaultValue("true") boolean publicOpenapi,
        @DefaultValue("false") boolean publicMetrics) {

    AccessProperties {
        apiKeys = apiKeys == null ? Map.of() : apiKeys;
    }
}
