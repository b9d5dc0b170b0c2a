/**
 * Who may call the service: every {@code /v1} request carries a credential, an API key ({@code X-Api-Key}) checked
 * against SHA-256 digests per tenant from configuration, or a JWT ({@code Authorization: Bearer}) validated by Spring
 * Security's OAuth2 resource server when {@code spring.security.oauth2.resourceserver.jwt.*} is configured. Either way
 * the authentication's {@code getName()} is the caller's tenant id, and a request naming another tenant in the tenant
 * header is refused (403). Health is always open; OpenAPI and metrics as configured ({@link AccessProperties}).
 * Refusals are {@code application/problem+json}, never naming a tenant nor echoing a credential.
 */
package io.referralrules.server.security;
