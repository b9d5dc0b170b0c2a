package io.referralrules.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.NextAction;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.Sale;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.engine.RuleSource;
import io.referralrules.json.PolicyJson;
import io.referralrules.json.ReferralJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;

/**
 * The README's "In a Spring Boot application": its {@code @Bean} definition, copied here word for word (the README is
 * checked to hold it), runs in a minimal Spring Boot application (no web server) and gives an engine with the policy
 * file's thresholds and the host DRL's rule, one for the whole application.
 */
class SpringHostBeanTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final String PROFILE = "spring-host-bean-test";
    private static final String BEGIN = "// README: In a Spring Boot application, begin";
    private static final String END = "// README: In a Spring Boot application, end";

    private static ConfigurableApplicationContext context;

    /**
     * The README's configuration class. The profile is not in the README: it keeps the service's own tests, which scan
     * this package, from building this engine too.
     */
    @Profile(PROFILE)
    @Configuration(proxyBeanMethods = false)
    static class ReferralRulesConfiguration {
        // README: In a Spring Boot application, begin
        /** One engine for the application: built (and its rules compiled) once, at start; thread-safe. */
        @Bean
        ReferralReadinessEngine referralEngine(@Value("${crm.referral-rules.policy}") Resource policyFile,
                                               @Value("${crm.referral-rules.host-rules}") Resource[] hostRules)
                throws IOException {
            List<RuleSource> rules = new ArrayList<>();
            for (Resource drl : hostRules) {
                rules.add(RuleSource.of(drl.getFilename(), drl.getContentAsString(StandardCharsets.UTF_8)));
            }
            Playbook playbook = Playbook.EARNED_TRUST.withHostRules("acme-earned-trust", "2026.11", rules);
            String policyName = policyFile.getFilename();
            ReadinessPolicy policy = PolicyJson.parse(
                    ReferralJson.decodeUtf8(policyFile.getContentAsByteArray(), policyName), policyName,
                    playbook.defaults());
            return ReferralRules.engine(playbook, policy);
        }
        // README: In a Spring Boot application, end
    }

    @BeforeAll
    static void start() {
        SpringApplication application = new SpringApplication(ReferralRulesConfiguration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles(PROFILE);
        application.setDefaultProperties(Map.of(
                "spring.main.banner-mode", "off",
                "crm.referral-rules.policy", "classpath:host/acme-policy.json",
                "crm.referral-rules.host-rules", "classpath:host/*.drl"));
        context = application.run();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theBeanIsOneEngineWithThePolicyFileAndTheHostPlaybook() {
        ReferralReadinessEngine engine = context.getBean(ReferralReadinessEngine.class);
        assertThat(context.getBean(ReferralReadinessEngine.class)).isSameAs(engine);
        assertThat(context.getBeansOfType(ReferralReadinessEngine.class)).hasSize(1);
        assertThat(engine.playbook().toString()).isEqualTo("acme-earned-trust@2026.11");
        ReadinessPolicy defaults = Playbook.EARNED_TRUST.defaults();
        assertThat(defaults.positioningDueDays()).isEqualTo(1);
        assertThat(engine.policy().positioningDueDays()).isEqualTo(5);
        assertThat(engine.policy().askCoolDownDays()).isEqualTo(120);
        assertThat(engine.policy().greenLightsRequired()).isEqualTo(defaults.greenLightsRequired());
    }

    @Test
    void aCustomerOutsideTheRegulatedIndustriesGetsThePolicysDueDay() {
        ReadinessAssessment answer = engine().assess(customer("C-retail", "retail"), AS_OF);

        assertThat(answer.stage()).isEqualTo(Stage.POSITIONING);
        assertThat(answer.playbook().toString()).isEqualTo("acme-earned-trust@2026.11");
        // the sale was on 2026-06-11: due a day later by the playbook's default, five days later by the policy file
        assertThat(action(answer, ActionType.HOLD_POSITIONING_CONVERSATION).dueDate())
                .isEqualTo(LocalDate.of(2026, 6, 16));
    }

    @Test
    void theHostRuleBlocksACustomerInARegulatedIndustry() {
        ReadinessAssessment answer = engine().assess(customer("C-bank", "banking"), AS_OF);

        assertThat(answer.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(answer.stageReason().rule()).isEqualTo("Customers in a regulated industry are never asked");
        assertThat(answer.stageReason().file()).isEqualTo("regulated-industries.drl");
        assertThat(answer.stageReason().evidence()).containsExactly("C-bank");
        assertThat(answer.actions()).extracting(NextAction::type).doesNotContain(ActionType.ASK_FOR_INTRODUCTION);
    }

    @Test
    void threadsSharingTheBeanGetTheSequentialAnswers() throws Exception {
        ReferralReadinessEngine engine = engine();
        List<CustomerSnapshot> customers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            customers.add(customer("C-" + i, i % 3 == 0 ? "insurance" : "retail"));
        }
        List<ReadinessAssessment> answers = customers.stream().map(c -> engine.assess(c, AS_OF)).toList();
        assertThat(answers).filteredOn(a -> a.stage() == Stage.BLOCKED).hasSize(14);
        List<String> sequential = answers.stream().map(ReferralJson::writeAssessment).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Callable<List<String>> run = () -> customers.stream()
                        .map(c -> ReferralJson.writeAssessment(engine.assess(c, AS_OF))).collect(Collectors.toList());
                runs.add(threads.submit(run));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(sequential);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theReadmeShowsThisBeanWordForWord() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/referralrules/server/SpringHostBeanTest.java"));
        // the marker lines (the constants above hold the same text, followed by a quote)
        int begin = source.indexOf(BEGIN + "\n");
        int end = source.indexOf(END + "\n");
        assertThat(begin).isNotNegative().isLessThan(end);
        String bean = dedent(source.substring(begin + BEGIN.length(), end));
        assertThat(bean).startsWith("/** One engine").contains("@Bean", "return ReferralRules.engine(playbook, policy);");
        String readme = Files.readString(Path.of("../README.md"));
        int section = readme.indexOf("## In a Spring Boot application");
        assertThat(section).isNotNegative();
        String snippet = readme.substring(section, readme.indexOf("\n## ", section + 1));
        assertThat(dedent(snippet)).contains(bean.strip());
        assertThat(snippet).contains("@Configuration(proxyBeanMethods = false)", "crm:", "referral-rules:",
                "policy: classpath:", "host-rules: classpath:", "<artifactId>referral-rules-host-rules</artifactId>");
    }

    private static ReferralReadinessEngine engine() {
        return context.getBean(ReferralReadinessEngine.class);
    }

    /** A business customer with a sale four days before the assessment day, in the given industry. */
    private static CustomerSnapshot customer(String id, String industry) {
        return CustomerSnapshot.builder(new Customer(id, CustomerType.BUSINESS, "rep-7", null,
                        Map.of("industry", industry)))
                .add(new Sale("S-" + id, LocalDate.of(2026, 6, 11), new BigDecimal("7400"), null))
                .build();
    }

    private static NextAction action(ReadinessAssessment answer, ActionType type) {
        return answer.actions().stream().filter(a -> a.type() == type).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + answer.actions()));
    }

    /** The lines without their leading blanks, blank lines dropped: the same code at any indentation. */
    private static String dedent(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }
}
