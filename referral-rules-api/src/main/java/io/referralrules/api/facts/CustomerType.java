package io.referralrules.api.facts;

/** Whether the customer is a business or a person; it decides whom they can refer. */
public enum CustomerType {
    /** A company: it knows its competitors, its own customers, its vendors and its other departments. */
    BUSINESS,
    /** A person: they know friends, colleagues, family and neighbours. */
    INDIVIDUAL
}
