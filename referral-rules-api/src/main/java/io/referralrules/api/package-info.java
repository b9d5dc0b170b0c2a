/**
 * The referral-rules API: the {@link io.referralrules.api.ReferralReadinessEngine} interface, the
 * {@link io.referralrules.api.CustomerSnapshot} a host fills in, the {@link io.referralrules.api.ReadinessPolicy}
 * thresholds and the immutable {@link io.referralrules.api.ReadinessAssessment} the engine returns. Plain Java with
 * no dependency outside the JDK.
 */
package io.referralrules.api;
