package io.referralrules.engine.spi;

/**
 * What a host rule can conclude. A host rule {@code insert}s one of these in its consequence; the engine records it
 * in the assessment with a {@link io.referralrules.api.Reason} naming the host rule that inserted it.
 *
 * <ul>
 *   <li>{@link AskVeto}: no ask while the rule's condition holds (the stage becomes {@code BLOCKED});</li>
 *   <li>{@link HostWarning}: a warning of type {@code HOST_WARNING};</li>
 *   <li>{@link HostAction}: an action of type {@code HOST_ACTION}, with a talk-track key for the host's wording;</li>
 *   <li>{@link HostReason}: a plain explanation, listed among the assessment's reasons.</li>
 * </ul>
 *
 * A host rule may also insert an {@link io.referralrules.api.ProspectHint}: it is attached to the ask like the
 * bundled ones. See {@code docs/writing-rules.md} for a worked example.
 */
public sealed interface HostResult permits AskVeto, HostWarning, HostAction, HostReason {

    /** Why: a plain-language message shown to the salesperson. */
    String message();

    /** The ids of the facts the conclusion rests on. */
    java.util.List<String> evidence();
}
