package io.referralrules.server.security;

import io.referralrules.server.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The security chain: {@code /v1/**} authenticated (API key or, when configured, JWT), {@code /actuator/health} open,
 * {@code /v3/api-docs} and metrics open or authenticated as configured, everything else denied. Stateless: no
 * session, no cookie, hence no CSRF; no HTTP basic, no login form, no generated password.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(AccessProperties.class)
class SecurityConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    ApiKeys apiKeys(AccessProperties properties) {
        return ApiKeys.of(properties.apiKeys());
    }

    /**
     * Declared so that Spring Boot creates no user with a generated password; API keys are checked by
     * {@link ApiKeyFilter} (this provider authenticates nothing).
     */
    @Bean
    AuthenticationProvider noPasswordUsers() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                throw new ProviderNotFoundException("no user names and passwords here");
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return false;
            }
        };
    }

    /**
     * A request the firewall refuses (a {@code ;} or an encoded {@code /} in the path, a method HTTP does not have) is
     * a 400 problem like every other failure, not Spring Boot's error page; the refused path is not repeated.
     */
    @Bean
    RequestRejectedHandler rejectedRequests() {
        return (request, response, rejected) -> Problems.write(response, HttpServletResponse.SC_BAD_REQUEST,
                "Bad Request", "the request's path or method is not accepted");
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccessProperties properties, ApiKeys keys,
                                            ObjectProvider<JwtDecoder> jwtDecoder,
                                            @Value("${referral-rules.tenant-header:Referral-Tenant}")
                                            String tenantHeader) throws Exception {
        String claim = properties.tenantClaim();
        if (claim == null || claim.isBlank()) {
            throw new IllegalStateException("referral-rules.security.tenant-claim is empty: name the JWT claim that"
                    + " holds the tenant id");
        }
        boolean jwt = jwtDecoder.getIfAvailable() != null;
        Refusals refusals = new Refusals(jwt);
        LOG.info("Callers: API keys for {} tenant(s); bearer tokens (JWT) {}; OpenAPI {}; metrics {}",
                keys.tenantCount(), jwt ? "accepted, tenant from claim '" + claim + "'" : "not configured",
                properties.publicOpenapi() ? "open" : "authenticated",
                properties.publicMetrics() ? "open" : "authenticated");

        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .rememberMe(AbstractHttpConfigurer::disable)
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .exceptionHandling(e -> e.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .addFilterBefore(new ApiKeyFilter(keys, refusals), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new TenantHeaderFilter(tenantHeader), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> {
                    // an error page or the rest of a streamed answer: the request itself was authorized already
                    a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    a.requestMatchers("/v1/**").authenticated();
                    if (properties.publicOpenapi()) {
                        a.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml").permitAll();
                    } else {
                        a.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml").authenticated();
                    }
                    if (properties.publicMetrics()) {
                        a.requestMatchers("/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus")
                                .permitAll();
                    } else {
                        a.requestMatchers("/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus")
                                .authenticated();
                    }
                    a.anyRequest().denyAll();
                });
        if (jwt) {
            http.oauth2ResourceServer(o -> o
                    .authenticationEntryPoint(refusals)
                    .accessDeniedHandler(refusals)
                    .jwt(j -> j.jwtAuthenticationConverter(new TenantClaimConverter(claim))));
        }
        return http.build();
    }
}
