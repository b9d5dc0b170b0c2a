package io.referralrules.server;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/** The service's core beans: the tenants (built at start), the tenant resolution, the meters, the request log. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServerProperties.class)
class ServerConfiguration {
    private static final String BOOK_RUN_LOGGER = "io.referralrules.book.BookAssessor";

    @Bean
    TenantRegistry tenantRegistry(ServerProperties properties, ResourceLoader resources) {
        return TenantRegistry.build(properties, resources);
    }

    @Bean
    Tenancy tenancy(TenantRegistry registry, ServerProperties properties) {
        return new Tenancy(registry, properties.tenantHeader());
    }

    @Bean
    Metrics metrics(MeterRegistry registry) {
        return new Metrics(registry);
    }

    @Bean
    FilterRegistrationBean<RequestLog> requestLog(Environment environment, ObjectProvider<LoggingSystem> logging) {
        // one INFO line per request: a batch's book run would add its own summary line, unless configured otherwise
        if (!environment.containsProperty("logging.level." + BOOK_RUN_LOGGER)) {
            logging.ifAvailable(system -> system.setLogLevel(BOOK_RUN_LOGGER, LogLevel.WARN));
        }
        FilterRegistrationBean<RequestLog> registration = new FilterRegistrationBean<>(new RequestLog());
        // outside the security chain, so refused requests are logged too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> connectionClose() {
        return factory -> factory.addEngineValves(new ConnectionClose());
    }
}
