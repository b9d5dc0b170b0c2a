package io.referralrules.server.security;

import io.referralrules.server.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The security chain's answers: 401 and 403 as {@code application/problem+json} with fixed details, so a body never
 * echoes a credential nor names a tenant. A 401 carries {@code WWW-Authenticate}: the bearer challenge of RFC 6750
 * (with {@code error="invalid_token"} when a token was refused) when JWTs are accepted, and an {@code ApiKey}
 * challenge naming the header.
 */
final class Refusals implements AuthenticationEntryPoint, AccessDeniedHandler {
    static final String REALM = "referral-rules";
    static final String NO_CREDENTIAL_KEYS_ONLY = "a credential is required: an API key in X-Api-Key";
    static final String NO_CREDENTIAL = "a credential is required: an API key in X-Api-Key or a bearer token in"
            + " Authorization";
    static final String INVALID_TOKEN = "the bearer token is not valid (malformed, badly signed, not yet valid or"
            + " not for this service)";
    static final String EXPIRED_TOKEN = "the bearer token has expired";
    static final String PATH_CLOSED = "this path is not open to callers";
    static final String OTHER_TENANT = "the credential is not for the tenant named in ";

    private final boolean jwtAccepted;

    Refusals(boolean jwtAccepted) {
        this.jwtAccepted = jwtAccepted;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException {
        String detail;
        String bearerError = null;
        if (failure instanceof ApiKeyFilter.Refused refused) {
            detail = refused.getMessage();
        } else if (failure instanceof TenantClaimConverter.TenantClaimMissing missing) {
            detail = missing.getMessage();
            bearerError = "invalid_token";
        } else if (failure instanceof OAuth2AuthenticationException) {
            detail = expired(failure) ? EXPIRED_TOKEN : INVALID_TOKEN;
            bearerError = "invalid_token";
        } else {
            detail = jwtAccepted ? NO_CREDENTIAL : NO_CREDENTIAL_KEYS_ONLY;
        }
        if (jwtAccepted) {
            String challenge = "Bearer realm=\"" + REALM + "\"";
            if (bearerError != null) {
                challenge += ", error=\"" + bearerError + "\", error_description=\"" + detail.replace("\"", "'")
                        + "\"";
            }
            response.addHeader("WWW-Authenticate", challenge);
        }
        response.addHeader("WWW-Authenticate", "ApiKey realm=\"" + REALM + "\", header=\"" + ApiKeyFilter.HEADER
                + "\"");
        Problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        forbidden(request, response, PATH_CLOSED);
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        Problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail);
    }

    /** Whether a refused token was refused (only) for having expired: JwtTimestampValidator's error. */
    private static boolean expired(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JwtValidationException invalid) {
                return !invalid.getErrors().isEmpty() && invalid.getErrors().stream()
                        .allMatch(e -> e.getDescription() != null && e.getDescription().startsWith("Jwt expired"));
            }
        }
        return false;
    }
}
