package io.referralrules.api;

/**
 * Names the playbook (rule set and default thresholds) an engine decides with, and its version. Every assessment
 * carries the one it ran, so a stored answer can be traced to the rules that gave it.
 *
 * @param id      the playbook's id, such as {@code earned-trust} or {@code post-sale-momentum}
 * @param version the playbook's version; it changes whenever its rules change
 */
public record PlaybookRef(String id, String version) {
    public PlaybookRef {
        if (id == null || id.isBlank()) {
            String problem = "must not be blank, was " + (id == null ? "null" : "'" + id + "'");
            throw new InvalidInputException("PlaybookRef.id " + problem, "id", problem);
        }
        if (version == null || version.isBlank()) {
            String problem = "must not be blank, was " + (version == null ? "null" : "'" + version + "'") + " (id=" + id + ")";
            throw new InvalidInputException("PlaybookRef.version " + problem, "version", problem);
        }
    }

    /** {@code id@version}, e.g. {@code earned-trust@1.0}. */
    @Override
    public String toString() {
        return id + "@" + version;
    }
}
