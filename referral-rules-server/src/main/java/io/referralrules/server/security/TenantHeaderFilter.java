package io.referralrules.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (403) an authenticated request whose tenant header names a tenant other than the credential's. The answer
 * names neither tenant, so it says nothing about whether the other tenant exists.
 */
final class TenantHeaderFilter extends OncePerRequestFilter {
    private final String header;

    TenantHeaderFilter(String header) {
        this.header = header;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
            for (String named : Collections.list(request.getHeaders(header))) {
                if (!named.equals(caller.getName())) {
                    Refusals.forbidden(request, response, Refusals.OTHER_TENANT + header);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
