/**
 * The Drools implementation of {@link io.referralrules.api.ReferralReadinessEngine}. Start with
 * {@link io.referralrules.engine.ReferralRules}; pick a {@link io.referralrules.engine.Playbook}, read thresholds with
 * {@code io.referralrules.json.PolicyJson} (a dependency of its own: referral-rules-json), keep one engine per tenant
 * in {@link io.referralrules.engine.TenantEngines}, and add the host's own DRL with
 * {@link io.referralrules.engine.Playbook#withHostRules(String, String, io.referralrules.engine.RuleSource...)}, which
 * needs the optional module referral-rules-host-rules on the class path to compile it. The bundled playbooks run from
 * their precompiled executable model, with no DRL compiler.
 *
 * <pre>{@code
 * ReferralReadinessEngine engine = ReferralRules.engine(Playbook.POST_SALE_MOMENTUM,
 *         PolicyJson.read(Path.of("tenants/acme.json"), Playbook.POST_SALE_MOMENTUM.defaults()));
 * ReadinessAssessment result = engine.assess(snapshot, LocalDate.of(2026, 6, 15));
 * }</pre>
 */
package io.referralrules.engine;
