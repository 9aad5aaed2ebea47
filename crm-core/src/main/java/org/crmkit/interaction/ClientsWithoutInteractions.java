package org.crmkit.interaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;

/**
 * The report "clients without interactions" (1C's "Клиенты без взаимодействий", the lost VIP
 * client) for a period: the clients the actor may see, not archived, that have no interaction that
 * is not cancelled and starts in the period ({@link Timing#startsIn}), by main manager and then
 * relationship type, each with its registration date; optionally only some relationship types or
 * managers. A subtotal (the number of clients) per manager and per relationship type, and a total.
 *
 * <p>Order: clients without a manager first, then managers by id; within a manager, clients without
 * a relationship type first, then types by id; clients by short name, then code (code point order).
 */
public record ClientsWithoutInteractions(CalendarPeriod period, long total, List<ManagerLine> managers) {
    public ClientsWithoutInteractions {
        ValidationException.required(period, "period");
        managers = List.copyOf(ValidationException.requiredElements(managers, "managers"));
    }

    /** The quiet clients of one relationship type (or of none) under one manager. */
    public record RelationshipLine(Optional<RelationshipTypeId> relationship, long clients, List<QuietClient> lines) {
        public RelationshipLine {
            ValidationException.required(relationship, "relationship");
            lines = List.copyOf(ValidationException.requiredElements(lines, "lines"));
        }
    }

    /** The quiet clients of one main manager (or of none), by relationship type. */
    public record ManagerLine(Optional<EmployeeId> manager, long clients, List<RelationshipLine> relationships) {
        public ManagerLine {
            ValidationException.required(manager, "manager");
            relationships = List.copyOf(ValidationException.requiredElements(relationships, "relationships"));
        }

        /** The line of a relationship type; empty when the manager has no quiet client of it. */
        public Optional<RelationshipLine> relationship(RelationshipTypeId type) {
            ValidationException.required(type, "relationship");
            return relationships.stream().filter(r -> r.relationship().filter(type::equals).isPresent()).findFirst();
        }
    }

    /** The line of a manager ({@code Optional.empty()}: the clients without one). */
    public Optional<ManagerLine> manager(Optional<EmployeeId> manager) {
        ValidationException.required(manager, "manager");
        return managers.stream().filter(m -> m.manager().equals(manager)).findFirst();
    }

    /** Every listed client, in the report's order. */
    public List<ClientId> clients() {
        List<ClientId> ids = new ArrayList<>();
        managers.forEach(m -> m.relationships().forEach(r -> r.lines().forEach(c -> ids.add(c.client()))));
        return ids;
    }

    private static final Comparator<Optional<EmployeeId>> MANAGERS = Comparator.comparing((Optional<EmployeeId> m) -> m.isPresent())
            .thenComparing(m -> m.map(EmployeeId::value).orElse(null), Comparator.nullsFirst(SortOrder.TEXT));
    private static final Comparator<Optional<RelationshipTypeId>> TYPES = Comparator.comparing((Optional<RelationshipTypeId> t) -> t.isPresent())
            .thenComparing(t -> t.map(RelationshipTypeId::value).orElse(null), Comparator.nullsFirst(SortOrder.TEXT));
    private static final Comparator<QuietClient> CLIENTS = Comparator.comparing(QuietClient::shortName, SortOrder.TEXT)
            .thenComparing(c -> c.code().value(), SortOrder.TEXT);

    /** The report from a store's rows: grouped, sorted and counted here, the same for every store. */
    static ClientsWithoutInteractions of(CalendarPeriod period, List<QuietClient> rows) {
        ValidationException.requiredElements(rows, "rows");
        Map<Optional<EmployeeId>, Map<Optional<RelationshipTypeId>, List<QuietClient>>> grouped = new TreeMap<>(MANAGERS);
        rows.forEach(r -> grouped.computeIfAbsent(r.manager(), m -> new TreeMap<>(TYPES)).computeIfAbsent(r.relationship(), t -> new ArrayList<>())
                .add(r));
        List<ManagerLine> managers = new ArrayList<>();
        grouped.forEach((manager, byType) -> {
            List<RelationshipLine> types = new ArrayList<>();
            byType.forEach((type, clients) -> {
                clients.sort(CLIENTS);
                types.add(new RelationshipLine(type, clients.size(), clients));
            });
            managers.add(new ManagerLine(manager, types.stream().mapToLong(RelationshipLine::clients).sum(), types));
        });
        return new ClientsWithoutInteractions(period, rows.size(), managers);
    }
}
