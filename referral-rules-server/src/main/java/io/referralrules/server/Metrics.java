package io.referralrules.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.referralrules.api.ReadinessAssessment;

/**
 * The service's meters: {@code referral_rules.assessments{playbook,stage}} (customers assessed),
 * {@code referral_rules.assessment{endpoint}} (the time of each request that assesses) and
 * {@code referral_rules.invalid_inputs{endpoint}} (bodies, lines and query parameters refused).
 */
final class Metrics {
    private final MeterRegistry registry;

    Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void stop(Timer.Sample sample, String endpoint) {
        sample.stop(Timer.builder("referral_rules.assessment").description("Time to answer a request that assesses")
                .tag("endpoint", endpoint).register(registry));
    }

    void assessed(ReadinessAssessment assessment) {
        Counter.builder("referral_rules.assessments").description("Customers assessed")
                .tag("playbook", assessment.playbook().id()).tag("stage", assessment.stage().name())
                .register(registry).increment();
    }

    void invalid(String endpoint) {
        Counter.builder("referral_rules.invalid_inputs").description("Invalid inputs refused")
                .tag("endpoint", endpoint).register(registry).increment();
    }
}
