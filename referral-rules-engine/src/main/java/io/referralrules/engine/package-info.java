/**
 * The Drools implementation of {@link io.referralrules.api.ReferralReadinessEngine}; start with
 * {@link io.referralrules.engine.ReferralRules}.
 */
package io.referralrules.engine;
