package io.referralrules.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request carrying {@code X-Api-Key}: the key's tenant becomes the authentication's name. A key that
 * is not configured, two keys, or a key beside an {@code Authorization} header is refused (401) at once; a request
 * without the header passes on untouched (to the bearer token filter, or as anonymous).
 */
final class ApiKeyFilter extends OncePerRequestFilter {
    static final String HEADER = "X-Api-Key";
    static final String WRONG_KEY = "the API key is not valid";
    static final String TWO_CREDENTIALS = "send one credential: X-Api-Key or Authorization, not both";
    static final String ONE_KEY = "send one X-Api-Key header";

    private final ApiKeys keys;
    private final AuthenticationEntryPoint refusals;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    ApiKeyFilter(ApiKeys keys, AuthenticationEntryPoint refusals) {
        this.keys = keys;
        this.refusals = refusals;
    }

    /** An API key refused; the message is fixed text, never the key. */
    static final class Refused extends BadCredentialsException {
        private static final long serialVersionUID = 1L;

        Refused(String detail) {
            super(detail);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> presented = Collections.list(request.getHeaders(HEADER));
        if (presented.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String refusal = null;
        Optional<String> tenant = Optional.empty();
        if (presented.size() > 1) {
            refusal = ONE_KEY;
        } else if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            refusal = TWO_CREDENTIALS;
        } else {
            tenant = keys.tenantOf(presented.get(0));
            if (tenant.isEmpty()) {
                refusal = WRONG_KEY;
            }
        }
        if (refusal != null) {
            contexts.clearContext();
            refusals.commence(request, response, new Refused(refusal));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(tenant.get()));
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
