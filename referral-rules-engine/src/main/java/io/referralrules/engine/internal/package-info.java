/**
 * Internal: the vocabulary the bundled DRL reasons with (derived facts) and the collector its consequences write to.
 * These types are public only because the generated executable model lives in another package; they are not part
 * of the supported API and may change in any release.
 */
package io.referralrules.engine.internal;
