package org.crmkit.usecase;

import java.util.Set;

import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;

/**
 * Told after a unit of work committed which clients it changed (the clients its journal lines hang
 * off: a client's card, its contact persons, deals, consent, list rows…), on the use case's thread
 * after the host's listeners. Live segment membership is one. An exception is logged; the change
 * stays committed.
 */
@FunctionalInterface
public interface ClientChangeWatcher {
    void changed(CrmContext context, Actor actor, Set<ClientId> clients);
}
