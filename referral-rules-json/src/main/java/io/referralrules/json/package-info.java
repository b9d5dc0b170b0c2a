/**
 * The JSON contract for CRMs not written in Java: {@link io.referralrules.json.ReferralJson} reads snapshots and
 * writes assessments and decision records, with a {@code schemaVersion}; the schemas are in {@code docs/schema/}.
 */
package io.referralrules.json;
