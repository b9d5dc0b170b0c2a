package io.referralrules.server.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A caller authenticated by an API key: the name is the tenant id. The key itself is not kept (no credentials).
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {
    private final String tenant;

    ApiKeyAuthentication(String tenant) {
        super(List.of());
        this.tenant = tenant;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return tenant;
    }

    @Override
    public String getName() {
        return tenant;
    }
}
