/**
 * Internal: the vocabulary the bundled DRL reasons with: the customer being assessed ({@link io.referralrules.engine.internal.Subject}),
 * the facts the rules derive, and the conclusions they insert ({@link io.referralrules.engine.internal.Conclusion}).
 * These types are public only because the generated executable model lives in another package; they are not part
 * of the supported API and may change in any release.
 */
package io.referralrules.engine.internal;
