package io.referralrules.api;

/** A circle of people the customer knows, among whom a prospect for an introduction may be found. */
public enum ProspectCircle {
    /** A business customer's peers and competitors: companies with the same problem we just solved. */
    PEERS_AND_COMPETITORS,
    /** A business customer's own customers. */
    OWN_CUSTOMERS,
    /** A business customer's vendors and suppliers. */
    VENDORS,
    /** Other departments, sites or subsidiaries of a business customer's own company. */
    OTHER_DEPARTMENTS,
    /** An individual's friends. */
    FRIENDS,
    /** An individual's colleagues at work. */
    COLLEAGUES,
    /** An individual's family. */
    FAMILY,
    /** An individual's neighbours. */
    NEIGHBOURS,
    /** People the customer meets at an industry event or conference they attend. */
    INDUSTRY_EVENT
}
