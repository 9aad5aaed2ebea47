package org.crmkit.common;

/**
 * A stale copy was saved: someone else changed the record since it was read. Nothing was written;
 * read the record again, reapply the change and save.
 */
public class ConcurrentChangeException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String recordId;
    private final long expectedVersion;

    public ConcurrentChangeException(String recordType, Object recordId, long expectedVersion) {
        super(recordType + " " + recordId + " was changed by someone else since version " + expectedVersion
                + " was read; nothing was saved. Read it again and reapply the change.");
        this.recordId = String.valueOf(recordId);
        this.expectedVersion = expectedVersion;
    }

    public String recordId() {
        return recordId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
