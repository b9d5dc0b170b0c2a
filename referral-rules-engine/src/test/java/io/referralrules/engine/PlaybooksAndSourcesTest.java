package io.referralrules.engine;

import io.referralrules.api.InvalidInputException;
import io.referralrules.api.PlaybookRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Playbooks (the bundled ones, a host's own made from them) and the DRL sources a host adds: their names, their rule
 * files, how they compare, and what is refused.
 */
@DisplayName("Playbooks and rule sources")
class PlaybooksAndSourcesTest {
    private static final RuleSource REGULATED = RuleSource.of("com/acme/regulated.drl", "package com.acme;\n");
    private static final RuleSource WARNINGS = RuleSource.of("com/acme/warnings.drl", "package com.acme;\n");

    @Test
    void theBundledPlaybooksRunTheSharedStepsFirstThenTheirOwn() {
        assertThat(Playbook.bundled()).containsExactly(Playbook.EARNED_TRUST, Playbook.POST_SALE_MOMENTUM);
        assertThat(Playbook.EARNED_TRUST.bundledDrl()).hasSize(11)
                .startsWith("io/referralrules/rules/common/stage.drl")
                .endsWith("io/referralrules/rules/earnedtrust/asking.drl");
        assertThat(Playbook.POST_SALE_MOMENTUM.bundledDrl()).hasSize(9)
                .endsWith("io/referralrules/rules/postsale/momentum.drl", "io/referralrules/rules/postsale/asking.drl");
        assertThat(Playbook.EARNED_TRUST.hostRules()).isEmpty();
        assertThat(Playbook.POST_SALE_MOMENTUM.defaults().greenLightsRequired()).isEqualTo(1);
        assertThat(Playbook.POST_SALE_MOMENTUM.defaults().momentumWindowDays()).isEqualTo(30);
        assertThat(Playbook.EARNED_TRUST.defaults().greenLightsRequired()).isEqualTo(2);
    }

    @Test
    void aPlaybookIsFoundByItsIdAndAnUnknownOneIsRefusedListingTheKnownOnes() {
        assertThat(Playbook.byId("post-sale-momentum")).isSameAs(Playbook.POST_SALE_MOMENTUM);
        assertThat(Playbook.byId("earned-trust")).isSameAs(Playbook.EARNED_TRUST);
        assertThatThrownBy(() -> Playbook.byId(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("playbook is not a bundled playbook, was null (known: earned-trust, post-sale-momentum)");
    }

    @Test
    void hostRulesMakeANewPlaybookUnderTheHostsNameOnTopOfTheBundledOne() {
        Playbook acme = Playbook.EARNED_TRUST.withHostRules("acme-earned-trust", "2026.11", REGULATED);
        Playbook acmeMore = acme.withHostRules("acme-earned-trust", "2026.12", List.of(WARNINGS));

        assertThat(acme.ref()).isEqualTo(new PlaybookRef("acme-earned-trust", "2026.11"));
        assertThat(acme.id()).isEqualTo("acme-earned-trust");
        assertThat(acme.version()).isEqualTo("2026.11");
        assertThat(acme.hostRules()).containsExactly(REGULATED);
        assertThat(acme.bundledDrl()).isEqualTo(Playbook.EARNED_TRUST.bundledDrl());
        assertThat(acme.defaults()).isEqualTo(Playbook.EARNED_TRUST.defaults());
        assertThat(acme.kieBaseName()).isEqualTo(Playbook.EARNED_TRUST.kieBaseName());
        assertThat(acmeMore.hostRules()).containsExactly(REGULATED, WARNINGS);
        assertThat(acme).hasToString("acme-earned-trust@2026.11 (1 host rule files)");
        assertThat(Playbook.EARNED_TRUST).hasToString("earned-trust@1.0");
    }

    @Test
    void twoPlaybooksAreEqualWhenTheyRunTheSameRulesUnderTheSameName() {
        Playbook acme = Playbook.EARNED_TRUST.withHostRules("acme", "1", REGULATED);
        Playbook sameAgain = Playbook.EARNED_TRUST.withHostRules("acme", "1", RuleSource.of("com/acme/regulated.drl", "package com.acme;\n"));

        assertThat(acme).isEqualTo(sameAgain).hasSameHashCodeAs(sameAgain);
        assertThat(acme).isNotEqualTo(Playbook.EARNED_TRUST.withHostRules("acme", "2", REGULATED));
        assertThat(acme).isNotEqualTo(Playbook.EARNED_TRUST.withHostRules("acme", "1", WARNINGS));
        assertThat(acme).isNotEqualTo(Playbook.POST_SALE_MOMENTUM.withHostRules("acme", "1", REGULATED));
        assertThat(Playbook.EARNED_TRUST).isNotEqualTo(Playbook.POST_SALE_MOMENTUM).isNotEqualTo("earned-trust");
    }

    @Test
    void aPlaybookWithoutAnyHostRuleFileIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Playbook.EARNED_TRUST.withHostRules("acme", "1", List.of()))
                .withMessage("Playbook.withHostRules needs at least one RuleSource (id=acme)");
    }

    @Test
    void aRuleSourceNeedsAName() {
        assertThatIllegalArgumentException().isThrownBy(() -> RuleSource.of(null, "package a;"))
                .withMessage("RuleSource.name must not be blank, was null");
        assertThatIllegalArgumentException().isThrownBy(() -> RuleSource.of(" ", "package a;"))
                .withMessage("RuleSource.name must not be blank, was ' '");
    }

    @Test
    void aRuleFileIsReadAsItIsAndNamedByItsPath(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("extra-warnings.drl"), "package com.acme;\n// caf\u00e9\n");

        RuleSource source = RuleSource.file(file);

        assertThat(source.name()).isEqualTo(file.toString().replace('\\', '/'));
        assertThat(source.drl()).isEqualTo("package com.acme;\n// caf\u00e9\n");
        assertThatThrownBy(() -> RuleSource.file(dir.resolve("missing.drl")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read host rules " + dir.resolve("missing.drl"));
    }

    @Test
    void aClassPathResourceIsFoundWithOrWithoutALeadingSlash() {
        // a bundled rule file stands in for a host's: reading a resource compiles nothing
        RuleSource plain = RuleSource.classpath("io/referralrules/rules/common/stage.drl");
        RuleSource slashed = RuleSource.classpath("/io/referralrules/rules/common/stage.drl");

        assertThat(plain.name()).isEqualTo("io/referralrules/rules/common/stage.drl");
        assertThat(slashed).isEqualTo(plain);
        assertThat(plain.drl()).startsWith("package io.referralrules.rules");
        assertThatIllegalArgumentException().isThrownBy(() -> RuleSource.classpath("/io/referralrules/rules/common/none.drl"))
                .withMessage("no rule resource 'io/referralrules/rules/common/none.drl' on the class path");
    }
}
