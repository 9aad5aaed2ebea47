package org.crmkit.common;

/**
 * A host's listener of domain events. Called after commit, on the thread of the use case; an
 * exception it throws is logged and does not undo the committed change nor stop other listeners.
 */
@FunctionalInterface
public interface DomainEventListener {
    void on(DomainEvent event);
}
