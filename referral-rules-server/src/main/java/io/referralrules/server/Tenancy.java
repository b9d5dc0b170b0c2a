package io.referralrules.server;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The tenant a request acts for: the tenant header when present, else the credential's tenant (the authenticated
 * name). A header naming another tenant than the credential's is refused (403) without naming either; a tenant that is
 * not configured is a 404.
 */
final class Tenancy {
    /** The request attribute holding the tenant id, for the request log line. */
    static final String TENANT_ATTRIBUTE = Tenancy.class.getName() + ".tenant";

    private final TenantRegistry registry;
    private final String header;

    Tenancy(TenantRegistry registry, String header) {
        this.registry = registry;
        this.header = header;
    }

    /** The request's tenant, or a {@link ProblemException} (401, 403, 404). */
    TenantRegistry.Tenant of(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new ProblemException(401, "Unauthorized", "a credential is required (X-Api-Key or Authorization: Bearer)");
        }
        String credentialTenant = authentication.getName();
        String named = request.getHeader(header);
        if (named != null && !named.equals(credentialTenant)) {
            throw new ProblemException(403, "Forbidden", "the credential is not for the tenant named in " + header);
        }
        TenantRegistry.Tenant tenant = registry.find(credentialTenant).orElseThrow(() -> new ProblemException(404,
                "Not Found", "no tenant '" + credentialTenant + "'"));
        request.setAttribute(TENANT_ATTRIBUTE, tenant.id());
        return tenant;
    }
}
