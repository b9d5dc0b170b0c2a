package io.referralrules.engine;

import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A named, versioned rule set with its default thresholds. Two ship with the library:
 *
 * <ul>
 *   <li>{@link #EARNED_TRUST} (the default): earn the right to ask through five trust builders, confirm it with green
 *       lights, never ask at the close (an early ask is {@code PREMATURE_ASK});</li>
 *   <li>{@link #POST_SALE_MOMENTUM}: ask soon after a sale, while the customer is pleased, once they have confirmed
 *       the solution works and no complaint is open; an ask before that confirmation is premature, a quick one is
 *       not.</li>
 * </ul>
 *
 * Both share the steps that do not depend on timing: complaints and their veto, ask warnings, introductions and the
 * three follow-ups. A host adds its own DRL with {@link #withHostRules}, which makes a new playbook under the host's
 * own id and version, so every assessment names exactly the rules that decided it.
 *
 * <pre>{@code
 * ReferralReadinessEngine quick = ReferralRules.engine(Playbook.POST_SALE_MOMENTUM);
 *
 * Playbook acme = Playbook.EARNED_TRUST.withHostRules("acme-earned-trust", "2026.11",
 *         RuleSource.classpath("com/acme/rules/regulated.drl"));
 * ReferralReadinessEngine engine = ReferralRules.engine(acme, acme.defaults());
 * }</pre>
 */
public final class Playbook {
    private static final String RULES = "io/referralrules/rules/";
    private static final List<String> COMMON = List.of("common/stage.drl", "common/relationship.drl",
            "common/trust-builders.drl", "common/feedback.drl", "common/asking.drl", "common/introductions.drl",
            "common/follow-ups.drl");

    /** Earn the right to ask first; the library's default. */
    public static final Playbook EARNED_TRUST = new Playbook(new PlaybookRef("earned-trust", "1.0"),
            "io.referralrules.earned-trust",
            bundled("earnedtrust/positioning.drl", "earnedtrust/earning-trust.drl", "earnedtrust/confirming.drl",
                    "earnedtrust/asking.drl"),
            ReadinessPolicy.defaults(), List.of());

    /** Ask soon after a sale, once the customer confirmed it works. */
    public static final Playbook POST_SALE_MOMENTUM = new Playbook(new PlaybookRef("post-sale-momentum", "1.0"),
            "io.referralrules.post-sale-momentum",
            bundled("postsale/momentum.drl", "postsale/asking.drl"),
            ReadinessPolicy.defaults().toBuilder().greenLightsRequired(1).momentumWindowDays(30).build(), List.of());

    private final PlaybookRef ref;
    private final String kieBaseName;
    private final List<String> bundledDrl;
    private final ReadinessPolicy defaults;
    private final List<RuleSource> hostRules;

    private Playbook(PlaybookRef ref, String kieBaseName, List<String> bundledDrl, ReadinessPolicy defaults,
                     List<RuleSource> hostRules) {
        this.ref = ref;
        this.kieBaseName = kieBaseName;
        this.bundledDrl = bundledDrl;
        this.defaults = defaults;
        this.hostRules = List.copyOf(hostRules);
    }

    private static List<String> bundled(String... own) {
        return Stream.concat(COMMON.stream(), Stream.of(own)).map(f -> RULES + f).toList();
    }

    /** The two bundled playbooks. */
    public static List<Playbook> bundled() {
        return List.of(EARNED_TRUST, POST_SALE_MOMENTUM);
    }

    /**
     * A bundled playbook by id.
     *
     * @throws io.referralrules.api.InvalidInputException if no bundled playbook has that id
     */
    public static Playbook byId(String id) {
        for (Playbook p : bundled()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        String known = bundled().stream().map(Playbook::id).collect(Collectors.joining(", "));
        String problem = "is not a bundled playbook, was " + (id == null ? "null" : "'" + id + "'") + " (known: " + known + ")";
        throw new io.referralrules.api.InvalidInputException("playbook " + problem, "playbook", problem);
    }

    /**
     * This playbook with the host's own DRL added, under a new id and version (name it after both, e.g.
     * {@code acme-earned-trust}). The host rules run in the same session as the bundled ones and see the same facts;
     * they conclude through {@link io.referralrules.engine.spi.HostResult}s. The result compiles the DRL when an engine
     * is built from it, with the classic compiler of the optional module {@code referral-rules-host-rules} (add it to
     * the class path), so compile errors cite {@code file:line}.
     *
     * @param id      the new playbook's id
     * @param version its version; change it whenever the host rules change
     * @param rules   the host's DRL files, at least one
     */
    public Playbook withHostRules(String id, String version, RuleSource... rules) {
        Objects.requireNonNull(rules, "rules");
        return withHostRules(id, version, Arrays.asList(rules));
    }

    /** @see #withHostRules(String, String, RuleSource...) */
    public Playbook withHostRules(String id, String version, List<RuleSource> rules) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(rules, "rules");
        for (int i = 0; i < rules.size(); i++) {
            Objects.requireNonNull(rules.get(i), "rules[" + i + "]");
        }
        PlaybookRef newRef = new PlaybookRef(id, version);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("Playbook.withHostRules needs at least one RuleSource (id=" + id + ")");
        }
        List<RuleSource> all = new ArrayList<>(hostRules);
        all.addAll(rules);
        return new Playbook(newRef, kieBaseName, bundledDrl, defaults, all);
    }

    /** The playbook's id, such as {@code earned-trust}. */
    public String id() {
        return ref.id();
    }

    /** The playbook's version. */
    public String version() {
        return ref.version();
    }

    /** Id and version, as assessments carry them. */
    public PlaybookRef ref() {
        return ref;
    }

    /** The playbook's default thresholds. */
    public ReadinessPolicy defaults() {
        return defaults;
    }

    /** The host's DRL added to the bundled rules; empty for a bundled playbook. */
    public List<RuleSource> hostRules() {
        return hostRules;
    }

    /** The class-path resources of the bundled DRL this playbook runs, shared steps first. */
    public List<String> bundledDrl() {
        return bundledDrl;
    }

    String kieBaseName() {
        return kieBaseName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Playbook p && ref.equals(p.ref) && kieBaseName.equals(p.kieBaseName)
                && defaults.equals(p.defaults) && hostRules.equals(p.hostRules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ref, kieBaseName, defaults, hostRules);
    }

    @Override
    public String toString() {
        return ref + (hostRules.isEmpty() ? "" : " (" + hostRules.size() + " host rule files)");
    }
}
