package org.crmkit.mailing.outbox;

/**
 * A test seam: the sender calls it at each boundary of its work, so a test can halt it exactly there (by
 * throwing) and check what a restart finds. Production code gives none ({@link #NONE}).
 */
@FunctionalInterface
public interface SenderProbe {
    /** No probe. */
    SenderProbe NONE = (boundary, entry) -> { };

    /** Where the sender is. */
    enum Boundary {
        /** The claim is committed; nothing sent yet. */
        CLAIMED,
        /** The message is composed; the provider is about to be called. */
        BEFORE_SEND,
        /** The provider answered (accepted or not); the outcome is not yet committed. */
        PROVIDER_ANSWERED,
        /** The outcomes of a batch are committed. */
        RECORDED
    }

    /** Called at {@code boundary} for {@code entry} (for {@code RECORDED}: the last entry of the batch). */
    void at(Boundary boundary, OutboxEntry entry);
}
