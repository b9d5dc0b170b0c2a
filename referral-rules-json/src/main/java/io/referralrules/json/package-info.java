/**
 * The JSON contract for CRMs not written in Java: {@link io.referralrules.json.ReferralJson} reads snapshots and
 * writes assessments and decision records, with a {@code schemaVersion}.
 *
 * <p>The JSON Schemas of the contract ship in this jar, as well as in the project's {@code docs/schema/}, at
 * {@code io/referralrules/json/schema/snapshot.schema.json}, {@code .../assessment.schema.json},
 * {@code .../decision.schema.json}, {@code .../decision-record.schema.json}, {@code .../replay.schema.json} (a replay's
 * result, {@link io.referralrules.json.ReplayJson}) and {@code .../fact-event.schema.json} (the events of
 * referral-rules-flink); their {@code $id}s are
 * {@code https://referralrules.io/schema/<name>-1.schema.json}, the {@code 1} being the {@code schemaVersion} they
 * describe. A host reads one with its own class loader, for instance
 * {@code getClass().getClassLoader().getResourceAsStream("io/referralrules/json/schema/snapshot.schema.json")}, to
 * validate what it sends before sending it.
 */
package io.referralrules.json;
