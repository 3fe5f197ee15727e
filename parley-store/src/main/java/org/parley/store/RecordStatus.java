package org.parley.store;

/** Where a stored negotiation stands. */
public enum RecordStatus {
    RUNNING,
    FINISHED,
    ABORTED;

    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static RecordStatus of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
