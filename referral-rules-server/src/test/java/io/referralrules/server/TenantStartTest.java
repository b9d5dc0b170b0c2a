package io.referralrules.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

/**
 * A tenant that cannot be used stops the start, with a message naming the tenant and the file (or the setting) at
 * fault; one fixture per kind of fault.
 */
class TenantStartTest {

    /**
     * Starts the service with the sample tenants and a tenant {@code broken} configured by these properties (playbook
     * earned-trust unless given); the
     * message of the failure that stopped the start.
     */
    private static AbstractStringAssert<?> assertStartFails(String... broken) {
        List<String> given = new ArrayList<>(List.of(broken));
        if (given.stream().noneMatch(p -> p.startsWith("playbook="))) {
            given.add("playbook=earned-trust");
        }
        String[] properties = given.stream().map(p -> "referral-rules.tenants.broken." + p).toArray(String[]::new);
        Throwable failure = catchThrowable(() -> TestServer.start(properties).close());
        assertThat(failure).as("the start fails").isNotNull();
        Throwable cause = failure;
        while (cause != null && !(cause instanceof TenantRegistry.TenantConfigurationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a TenantConfigurationException among the causes of %s", failure).isNotNull();
        return assertThat(cause.getMessage());
    }

    @Test
    void aPolicyFileWithAMisspeltThresholdNamesTheTenantTheFileAndTheKey() {
        assertStartFails("policy-file=classpath:tenant-start/misspelt-threshold.json").contains("tenant 'broken'", "classpath:tenant-start/misspelt-threshold.json",
                        "$.askCooldownDays");
    }

    @Test
    void aPolicyFileThatIsNotThereNamesTheTenantAndTheLocation() {
        assertStartFails("policy-file=classpath:tenant-start/absent.json")
                .isEqualTo("tenant 'broken': cannot read policy file classpath:tenant-start/absent.json"
                        + " (FileNotFoundException)");
    }

    @Test
    void anUnknownPlaybookNamesTheTenantAndTheSetting() {
        assertStartFails("playbook=earned-trust-2").contains("tenant 'broken'", "referral-rules.tenants.broken.playbook",
                        "'earned-trust-2'");
    }

    @Test
    void hostRulesThatDoNotCompileNameTheTenantAndTheFileAndLine() {
        assertStartFails("host-rules[0]=classpath:tenant-start/missing-parenthesis.drl",
                "host-playbook-id=broken-earned-trust", "host-playbook-version=1").contains("tenant 'broken': the rules do not compile",
                        "classpath:tenant-start/missing-parenthesis.drl:8:");
    }

    @Test
    void hostRulesWithoutTheirPlaybookIdNameTheTenantAndTheSettings() {
        assertStartFails("host-rules[0]=classpath:tenant-start/missing-parenthesis.drl").contains("tenant 'broken'", "referral-rules.tenants.broken.host-playbook-id");
    }
}
