package io.referralrules.api;

/** The five ways a salesperson earns the right to ask for a referral, each backed by dated facts. */
public enum TrustBuilder {
    /** Enough service interactions, well rated, with nothing left open or escalated. */
    SERVICE_QUALITY(ActionType.IMPROVE_SERVICE),
    /** Needs anticipated and handled before the customer asked. */
    PROACTIVE_CARE(ActionType.TAKE_PROACTIVE_ACTION),
    /** Something useful given outside the contracted products. */
    EXTRA_VALUE(ActionType.DELIVER_EXTRA_VALUE),
    /** A business lead we referred to the customer. */
    RECIPROCITY(ActionType.GIVE_A_REFERRAL),
    /** Contact outside strict business. */
    RELATIONSHIP(ActionType.BUILD_RELATIONSHIP);

    private final ActionType remedy;

    TrustBuilder(ActionType remedy) {
        this.remedy = remedy;
    }

    /** The next action that works on this builder when it is not met. */
    public ActionType remedy() {
        return remedy;
    }
}
