package io.referralrules.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One INFO line per request: method, path, status, tenant id, customers carried and milliseconds; never a body, a
 * name or an e-mail address. Logger {@code io.referralrules.server.requests}.
 */
final class RequestLog extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger("io.referralrules.server.requests");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (LOG.isInfoEnabled()) {
                Object tenant = request.getAttribute(Tenancy.TENANT_ATTRIBUTE);
                Object entries = request.getAttribute(ReadinessController.ENTRIES_ATTRIBUTE);
                LOG.info("{} {} {} tenant={} entries={} {} ms", request.getMethod(), Problems.pathOf(request),
                        response.getStatus(), tenant == null ? "-" : tenant, entries == null ? 0 : entries,
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
