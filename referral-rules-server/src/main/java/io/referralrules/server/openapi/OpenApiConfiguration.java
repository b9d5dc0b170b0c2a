package io.referralrules.server.openapi;

import io.referralrules.engine.ReferralRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the service, served by springdoc at {@code /v3/api-docs} (JSON) and
 * {@code /v3/api-docs.yaml}: springdoc finds the operations in the controllers, {@link ContractDescription} puts in
 * the contract's bodies, parameters, problem answers and security.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    /** The engine's build writes the project version here (the server is built in the same reactor). */
    private static final String VERSION_RESOURCE = "version.properties";

    @Bean
    ContractDescription contractDescription(@Value("${referral-rules.tenant-header:Referral-Tenant}") String tenantHeader) {
        return new ContractDescription(version(), tenantHeader,
                ContractSchemas.load(OpenApiConfiguration.class.getClassLoader()));
    }

    /** The project version, as the engine jar records it ({@code io/referralrules/engine/version.properties}). */
    static String version() {
        try (InputStream in = ReferralRules.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the engine's " + VERSION_RESOURCE, e);
        }
    }
}
