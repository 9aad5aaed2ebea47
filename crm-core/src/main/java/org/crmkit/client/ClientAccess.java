package org.crmkit.client;

import org.crmkit.common.ValidationException;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.access.AccessPolicy;
import org.crmkit.access.RecordKind;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.EmployeeId;
import org.crmkit.criteria.Criterion;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.usecase.UnitOfWork;

/**
 * The record kinds of the client base for an {@link AccessPolicy}, and the ready rule
 * {@link #ownAndTeam}. Contact persons are seen and changed exactly when their client is.
 */
public final class ClientAccess {
    /** Clients; without a rule of the host's, everyone sees every client. */
    public static final RecordKind<ClientCriterion> CLIENTS = new RecordKind<>("client", (policy, actor) -> Criterion.all());

    /** Contact persons: by default, those of the clients the actor may see. */
    public static final RecordKind<ContactPersonCriterion> CONTACT_PERSONS = new RecordKind<>("contact-person",
            (policy, actor) -> clientsVisible(policy.visible(actor, CLIENTS)));

    private ClientAccess() {
    }

    /**
     * A policy where an employee sees the clients whose main manager is they or a member of their
     * team (as the directory says at the time of the call); system actors see everything; an
     * employee unknown to the directory sees only their own clients.
     */
    public static AccessPolicy ownAndTeam(EmployeeDirectory directory) {
        ValidationException.required(directory, "directory");
        return org.crmkit.access.AccessPolicies.builder()
                .visible(CLIENTS, actor -> actor.employee()
                        .<Criterion<ClientCriterion>>map(me -> new ClientCriterion.ManagedBy(team(directory, me)))
                        .orElse(Criterion.all()))
                .build();
    }

    private static Set<EmployeeId> team(EmployeeDirectory directory, EmployeeId me) {
        Set<EmployeeId> members = directory.teamOf(me).stream().map(Employee::id).collect(Collectors.toSet());
        members.add(me);
        return members;
    }

    private static Criterion<ContactPersonCriterion> clientsVisible(Criterion<ClientCriterion> clients) {
        return clients instanceof Criterion.All ? Criterion.all() : new ContactPersonCriterion.OfClient(clients);
    }

    /** The clients the unit of work's actor may see. */
    static Criterion<ClientCriterion> visible(UnitOfWork work) {
        return work.context().access().visible(work.actor(), CLIENTS);
    }

    /** Refuses with {@link AccessDeniedException} unless the actor may change the client as it is. */
    static void requireChangeable(UnitOfWork work, Client client, String what) {
        Criterion<ClientCriterion> changeable = work.context().access().changeable(work.actor(), CLIENTS);
        if (!ClientCriterion.matches(changeable, client, Relations.of(work.stores()))) {
            throw new AccessDeniedException(work.actor().toString(), what);
        }
    }

    /** Refuses with {@link AccessDeniedException} unless the actor may administer the area. */
    static void requireAdministration(UnitOfWork work, String area) {
        if (!work.context().access().mayAdminister(work.actor(), area)) {
            throw new AccessDeniedException(work.actor().toString(), "change the " + area + " schema");
        }
    }
}
