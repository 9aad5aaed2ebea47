package org.crmkit.deal;

import java.util.Set;

import org.crmkit.access.AccessPolicy;
import org.crmkit.access.RecordKind;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.common.Actor;
import org.crmkit.criteria.Criterion;

/**
 * The record kind of deals for an {@link AccessPolicy}. Without a rule of the host's, an actor
 * sees (and changes) the deals of the clients they may see, plus the deals they are responsible
 * for themselves.
 */
public final class DealAccess {
    /** Deals: by default those of visible clients and the actor's own. */
    public static final RecordKind<DealCriterion> DEALS = new RecordKind<>("deal", DealAccess::byDefault);

    private DealAccess() {
    }

    private static Criterion<DealCriterion> byDefault(AccessPolicy policy, Actor actor) {
        Criterion<ClientCriterion> clients = policy.visible(actor, ClientAccess.CLIENTS);
        if (clients instanceof Criterion.All) {
            return Criterion.all();
        }
        Criterion<DealCriterion> ofClients = new DealCriterion.OfClient(clients);
        return actor.employee().<Criterion<DealCriterion>>map(me -> Criterion.or(ofClients, new DealCriterion.ResponsibleIn(Set.of(me))))
                .orElse(ofClients);
    }
}
