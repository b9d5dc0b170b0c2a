package io.referralrules.server.security;

import java.util.Collection;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * A validated JWT to an authentication named by the token's tenant claim. A token without that claim (or with an
 * empty or non-text one) is refused: {@link TenantClaimMissing}, answered 401 {@code invalid_token}.
 */
final class TenantClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    private final String claim;
    private final JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();

    TenantClaimConverter(String claim) {
        this.claim = claim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object value = jwt.getClaims().get(claim);
        if (!(value instanceof String tenant) || tenant.isBlank()) {
            throw new TenantClaimMissing(claim);
        }
        Collection<GrantedAuthority> granted = authorities.convert(jwt);
        return new JwtAuthenticationToken(jwt, granted, tenant);
    }

    /** A valid token that does not say which tenant it acts for. */
    static final class TenantClaimMissing extends InvalidBearerTokenException {
        private static final long serialVersionUID = 1L;

        TenantClaimMissing(String claim) {
            super("the bearer token has no '" + claim + "' claim");
        }
    }
}
