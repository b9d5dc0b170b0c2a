package io.referralrules.engine;

import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.SurveyReading;
import io.referralrules.api.TrustBuilder;

import java.util.Objects;
import java.util.Set;

/**
 * The canonical text of a policy, the bytes its decision-record hash is taken of. It is, byte for byte, what
 * {@code PolicyJson.write} (referral-rules-json, Jackson's default pretty printer) writes on a JVM whose line separator
 * is {@code \n}, and what the engine hashed before it stopped depending on Jackson, so decision records written by
 * earlier builds still replay as identical; but it needs no JSON library:
 *
 * <pre>
 * {
 *   "positioningWindowDays" : 30,
 *   ...
 *   "serviceMinAverageRating" : 4.0,
 *   ...
 *   "mandatoryTrustBuilders" : [ "SERVICE_QUALITY", "RECIPROCITY" ],
 *   ...
 *   "momentumWindowDays" : 30
 * }
 * </pre>
 *
 * and, only while a survey switch is on, its reading after the last threshold, as a nested object indented by four
 * spaces:
 *
 * <pre>
 *   "momentumWindowDays" : 30,
 *   "csatFeedback" : {
 *     "greenLightMin" : 4,
 *     "complaintMax" : 2
 *   }
 * }
 * </pre>
 *
 * <ul>
 *   <li>one line per threshold, in the order of the record's components, indented by two spaces, key and value
 *       separated by {@code " : "}, lines separated by {@code ",\n"}, and a newline after the closing brace;</li>
 *   <li>whole numbers in decimal ({@link Integer#toString(int)}), a minus sign for {@code -1};</li>
 *   <li>the rating as {@link Double#toString(double)}, which is what Jackson writes for a double unless its fast
 *       writer is enabled: always a plain decimal with at least one fraction digit ({@code 4.0}, {@code 4.25},
 *       {@code 4.999999999999999}) for the 1.0-5.0 a valid policy holds;</li>
 *   <li>the mandatory trust builders by enum name on one line, in {@link TrustBuilder} order (the policy keeps an
 *       EnumSet), {@code [ ]} when there are none;</li>
 *   <li>a survey switch ({@code csatFeedback}, {@code cesFeedback}) that is off is left out, key and thresholds: a
 *       policy with both off has the text, and so the hash, it had before the switches existed, and the decision
 *       records of such policies replay as identical. A switch that is on writes its two cut-offs (that is what
 *       {@code PolicyJson.write} writes too: it leaves a switch that is off out).</li>
 * </ul>
 *
 * Lines end with {@code \n} on every platform, so a policy hashes the same everywhere. (Jackson ends the lines inside
 * the object with the JVM's line separator: on Windows, and only there, the engine's hash used to differ; a replay
 * accepts that older hash, see {@code DecisionRecords.policyHashWrittenOnWindows}.) One caveat, shared with Jackson:
 * {@link Double#toString(double)} gives the shortest decimal from JDK 19 on, so a rating written with 16-17
 * significant digits may print, and hash, differently under JDK 17 than under a newer JDK; ratings with fewer digits
 * (4.0, 4.25, 4.3) print the same on every JDK.
 *
 * <p>A new threshold must be added here, after the component before it; {@code DecisionRecordsTest} checks that the
 * keys are exactly the record's components, in order (those of a switch that is off left out). A new threshold that
 * is not a switch changes every policy's hash; one that is left out while off, as the survey switches are, does not.
 */
final class CanonicalPolicy {
    private static final String INDENT = "  ";

    private CanonicalPolicy() {
    }

    /** The policy's canonical text, ending with a newline. */
    static String write(ReadinessPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        Text out = new Text();
        out.number("positioningWindowDays", policy.positioningWindowDays());
        out.number("positioningDueDays", policy.positioningDueDays());
        out.number("lookbackDays", policy.lookbackDays());
        out.number("serviceMinInteractions", policy.serviceMinInteractions());
        out.rating("serviceMinAverageRating", policy.serviceMinAverageRating());
        out.number("proactiveMinActions", policy.proactiveMinActions());
        out.number("extraValueMinDeliveries", policy.extraValueMinDeliveries());
        out.number("reciprocityMinReferrals", policy.reciprocityMinReferrals());
        out.number("relationshipMinTouches", policy.relationshipMinTouches());
        out.number("trustBuildersRequired", policy.trustBuildersRequired());
        out.builders("mandatoryTrustBuilders", policy.mandatoryTrustBuilders());
        out.number("feedbackWindowDays", policy.feedbackWindowDays());
        out.number("greenLightsRequired", policy.greenLightsRequired());
        out.number("npsPromoterMin", policy.npsPromoterMin());
        out.number("npsDetractorMax", policy.npsDetractorMax());
        out.number("complaintVetoDays", policy.complaintVetoDays());
        out.number("prematureAskDays", policy.prematureAskDays());
        out.number("pushyChaseDays", policy.pushyChaseDays());
        out.number("titForTatDays", policy.titForTatDays());
        out.number("askCoolDownDays", policy.askCoolDownDays());
        out.number("introductionWaitDays", policy.introductionWaitDays());
        out.number("thankReferrerDays", policy.thankReferrerDays());
        out.number("statusReportDays", policy.statusReportDays());
        out.number("thankYouGiftDays", policy.thankYouGiftDays());
        out.number("momentumWindowDays", policy.momentumWindowDays());
        out.reading("csatFeedback", policy.csatFeedback());
        out.reading("cesFeedback", policy.cesFeedback());
        return out.end();
    }

    /** One object being written, one key per line. */
    private static final class Text {
        private final StringBuilder out = new StringBuilder(1024).append('{');
        private boolean first = true;

        private StringBuilder key(String name) {
            out.append(first ? "\n" : ",\n").append(INDENT).append('"').append(name).append("\" : ");
            first = false;
            return out;
        }

        void number(String name, int value) {
            key(name).append(value);
        }

        void rating(String name, double value) {
            // a valid policy's rating is finite and between 1.0 and 5.0: never NaN, an exponent or a negative zero
            key(name).append(Double.toString(value));
        }

        void builders(String name, Set<TrustBuilder> builders) {
            StringBuilder line = key(name).append('[');
            String separator = " ";
            // the policy keeps an unmodifiable EnumSet: it iterates in TrustBuilder order
            for (TrustBuilder builder : builders) {
                line.append(separator).append('"').append(builder.name()).append('"');
                separator = ", ";
            }
            line.append(" ]");
        }

        /** A survey switch: left out while off ({@code null}), else its cut-offs as a nested object. */
        void reading(String name, SurveyReading reading) {
            if (reading == null) {
                return;
            }
            key(name).append("{\n").append(INDENT).append(INDENT).append("\"greenLightMin\" : ")
                    .append(reading.greenLightMin()).append(",\n").append(INDENT).append(INDENT)
                    .append("\"complaintMax\" : ").append(reading.complaintMax()).append('\n').append(INDENT).append('}');
        }

        String end() {
            return out.append("\n}\n").toString();
        }
    }
}
