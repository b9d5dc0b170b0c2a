/**
 * The contract for the host's own rules (host DRL added to a playbook): the {@link io.referralrules.engine.spi.HostResult}
 * types a host rule inserts to veto the ask, warn, propose an action or explain, and {@link io.referralrules.engine.spi.AsOf},
 * the assessment day. Host rules match the same facts as the bundled ones ({@link io.referralrules.api.facts}, the
 * {@link io.referralrules.api.ReadinessPolicy}); see {@code docs/writing-rules.md}.
 */
package io.referralrules.engine.spi;
