package org.crmkit.interaction;

import java.util.Set;

import org.crmkit.access.RecordKind;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.common.Actor;
import org.crmkit.criteria.Criterion;

/**
 * The record kind of interactions for an {@link org.crmkit.access.AccessPolicy}. Without a rule of
 * the host's, an actor sees the interactions of the clients they may see, plus their own: those
 * they are responsible for, take part in or recorded. (When the actor sees every client, that is
 * every interaction, internal ones without a client included.)
 */
public final class InteractionAccess {
    public static final RecordKind<InteractionCriterion> INTERACTIONS = new RecordKind<>("interaction",
            (policy, actor) -> ofClientsOrOwn(policy.visible(actor, ClientAccess.CLIENTS), actor));

    private InteractionAccess() {
    }

    private static Criterion<InteractionCriterion> ofClientsOrOwn(Criterion<ClientCriterion> clients, Actor actor) {
        if (clients instanceof Criterion.All) {
            return Criterion.all();
        }
        Criterion<InteractionCriterion> ofClients = new InteractionCriterion.OfClient(clients);
        return actor.employee().<Criterion<InteractionCriterion>>map(me -> Criterion.or(ofClients,
                new InteractionCriterion.Involves(Set.of(me)), new InteractionCriterion.AuthorIs(me))).orElse(ofClients);
    }
}
