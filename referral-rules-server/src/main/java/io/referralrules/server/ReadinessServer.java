package io.referralrules.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The readiness service: the JSON contract of referral-rules over HTTP, per tenant.
 *
 * <pre>{@code
 * java -jar referral-rules-server/target/referral-rules-server-0.1.0-SNAPSHOT.jar
 * }</pre>
 */
@SpringBootApplication
public class ReadinessServer {
    /** Starts the service. */
    public static void main(String[] args) {
        SpringApplication.run(ReadinessServer.class, args);
    }
}
