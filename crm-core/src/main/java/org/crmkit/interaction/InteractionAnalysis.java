package org.crmkit.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;

/**
 * The report "interaction analysis" (1C's "Анализ взаимодействий") for a period: counts of
 * interactions by responsible employee, then client, then kind, down to the interactions
 * themselves, with a subtotal at every level and a total.
 *
 * <p>Which interactions count: those the actor may see that are not cancelled and start in the
 * period ({@link Timing#startsIn}: a timed item at or after {@link CalendarPeriod#from} and before
 * {@link CalendarPeriod#until}; an all-day item whose first day is one of the period's days in its
 * zone). A series counts each of its occurrences as an interaction of its own: one whose own start
 * (after a move) is in the period and whose own state is not cancelled, under its own responsible
 * employee (the one it kept at a hand-over, else the series'); a cancelled series counts nothing.
 * An interaction is listed under each of its clients the actor may see (once per client,
 * however many of its persons take part), or under "no client" ({@code client} empty) when it has
 * none the actor may see. So a client's and a kind's count are the interactions listed under them,
 * while the responsible employee's count and the {@link #total} count each interaction once: an
 * interaction with two clients adds one to the total and to its employee, and one to each client.
 *
 * <p>Order: employees by id, clients with "no client" first then by name and id, kinds by key,
 * interactions by start then number (code point order for text). The variant for one client
 * ({@link #client} present) lists only that client's lines.
 */
public record InteractionAnalysis(CalendarPeriod period, Optional<ClientId> client, long total, List<ResponsibleLine> responsibles) {
    public InteractionAnalysis {
        ValidationException.required(period, "period");
        ValidationException.required(client, "client");
        responsibles = List.copyOf(ValidationException.requiredElements(responsibles, "responsibles"));
    }

    /**
     * One interaction of the report: a single interaction ({@code originalStart} empty), or one
     * occurrence of a series ({@code id} the series', {@code originalStart} where its rule put the
     * occurrence, {@code start} its own start), which counts as an interaction of its own.
     */
    public record Item(InteractionId id, Optional<Instant> originalStart, long number, String subject, Instant start) {
        public Item {
            ValidationException.required(id, "id");
            ValidationException.required(originalStart, "originalStart");
            ValidationException.required(subject, "subject");
            ValidationException.required(start, "start");
        }

        /** The occurrence this item is; empty for a single interaction. */
        public Optional<OccurrenceId> occurrence() {
            return originalStart.map(o -> new OccurrenceId(id, o));
        }

        /** What the report counts as one interaction: the interaction, or the series and the occurrence's original start. */
        List<Object> key() {
            return Arrays.asList(id, originalStart.orElse(null));
        }
    }

    /** The interactions of one kind under one client (and employee). */
    public record KindLine(InteractionKind kind, long interactions, List<Item> items) {
        public KindLine {
            ValidationException.required(kind, "kind");
            items = List.copyOf(ValidationException.requiredElements(items, "items"));
        }
    }

    /** The interactions of one employee with one client (or with none), by kind. */
    public record ClientLine(Optional<ClientId> client, Optional<String> name, long interactions, List<KindLine> kinds) {
        public ClientLine {
            ValidationException.required(client, "client");
            ValidationException.required(name, "name");
            kinds = List.copyOf(ValidationException.requiredElements(kinds, "kinds"));
        }

        /** The line of a kind; empty when the client has no interaction of it here. */
        public Optional<KindLine> kind(InteractionKind kind) {
            ValidationException.required(kind, "kind");
            return kinds.stream().filter(k -> k.kind().equals(kind)).findFirst();
        }
    }

    /** One responsible employee: their distinct interactions and the lines per client. */
    public record ResponsibleLine(EmployeeId responsible, long interactions, List<ClientLine> clients) {
        public ResponsibleLine {
            ValidationException.required(responsible, "responsible");
            clients = List.copyOf(ValidationException.requiredElements(clients, "clients"));
        }

        /** The line of a client; empty when the employee has no interaction with it in the report. */
        public Optional<ClientLine> client(ClientId id) {
            ValidationException.required(id, "client");
            return clients.stream().filter(c -> c.client().filter(id::equals).isPresent()).findFirst();
        }

        /** The line of the interactions without a (visible) client, if there are any. */
        public Optional<ClientLine> withoutClient() {
            return clients.stream().filter(c -> c.client().isEmpty()).findFirst();
        }
    }

    /** The line of an employee; empty when they have no interaction in the report. */
    public Optional<ResponsibleLine> responsible(EmployeeId employee) {
        ValidationException.required(employee, "employee");
        return responsibles.stream().filter(r -> r.responsible().equals(employee)).findFirst();
    }

    static final Comparator<EmployeeId> EMPLOYEES = Comparator.comparing(EmployeeId::value, SortOrder.TEXT);
    /** Clients in report order: "no client" first, then by name and id. */
    static final Comparator<List<Object>> CLIENTS = Comparator.comparing((List<Object> c) -> c.get(0) != null)
            .thenComparing(c -> (String) c.get(1), Comparator.nullsFirst(SortOrder.TEXT))
            .thenComparing(c -> c.get(0) == null ? null : ((ClientId) c.get(0)).value(), Comparator.nullsFirst(SortOrder.UUIDS));
    static final Comparator<InteractionKind> KINDS = Comparator.comparing(InteractionKind::key, SortOrder.TEXT);
    private static final Comparator<Item> ITEMS = Comparator.comparing(Item::start).thenComparingLong(Item::number)
            .thenComparing(i -> i.originalStart().orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()));

    /** The report from a store's rows: lines sorted and subtotals counted here, the same for every store. */
    static InteractionAnalysis of(CalendarPeriod period, Optional<ClientId> client, List<AnalysisRow> rows) {
        ValidationException.requiredElements(rows, "rows");
        Map<EmployeeId, Map<List<Object>, Map<InteractionKind, List<Item>>>> grouped = new TreeMap<>(EMPLOYEES);
        for (AnalysisRow row : rows) {
            List<Object> clientKey = Arrays.asList(row.client().orElse(null), row.clientName().orElse(null));
            grouped.computeIfAbsent(row.responsible(), e -> new TreeMap<>(CLIENTS)).computeIfAbsent(clientKey, c -> new TreeMap<>(KINDS))
                    .computeIfAbsent(row.kind(), k -> new ArrayList<>())
                    .add(new Item(row.interaction(), row.originalStart(), row.number(), row.subject(), row.start()));
        }
        Set<List<Object>> all = new HashSet<>();
        List<ResponsibleLine> responsibles = new ArrayList<>();
        grouped.forEach((employee, byClient) -> {
            Set<List<Object>> theirs = new HashSet<>();
            List<ClientLine> clients = new ArrayList<>();
            byClient.forEach((key, byKind) -> {
                Set<List<Object>> withClient = new HashSet<>();
                List<KindLine> kinds = new ArrayList<>();
                byKind.forEach((kind, items) -> {
                    items.sort(ITEMS);
                    items.forEach(i -> withClient.add(i.key()));
                    kinds.add(new KindLine(kind, items.stream().map(Item::key).distinct().count(), items));
                });
                theirs.addAll(withClient);
                clients.add(new ClientLine(Optional.ofNullable((ClientId) key.get(0)), Optional.ofNullable((String) key.get(1)),
                        withClient.size(), kinds));
            });
            all.addAll(theirs);
            responsibles.add(new ResponsibleLine(employee, theirs.size(), clients));
        });
        return new InteractionAnalysis(period, client, all.size(), responsibles);
    }
}
