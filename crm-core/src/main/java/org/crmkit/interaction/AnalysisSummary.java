package org.crmkit.interaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;

/**
 * The top three levels of the {@link InteractionAnalysis} (responsible employee → client → kind)
 * with their counts, counted by the store's grouping statement rather than listed: the form for a
 * year, where the interactions themselves would be hundreds of thousands of lines. The counts are
 * exactly those of {@link InteractionAnalysis} for the same period (the same interactions count,
 * listed under the same clients, and the employee's count and the {@link #total} count each
 * interaction once); the order is the same too.
 */
public record AnalysisSummary(CalendarPeriod period, long total, List<ResponsibleTotal> responsibles) {
    public AnalysisSummary {
        ValidationException.required(period, "period");
        responsibles = List.copyOf(ValidationException.requiredElements(responsibles, "responsibles"));
    }

    /** How many interactions of one kind, under one client and employee. */
    public record KindTotal(InteractionKind kind, long interactions) {
        public KindTotal {
            ValidationException.required(kind, "kind");
        }
    }

    /** One employee's interactions with one client (or with none), by kind. */
    public record ClientTotal(Optional<ClientId> client, Optional<String> name, long interactions, List<KindTotal> kinds) {
        public ClientTotal {
            ValidationException.required(client, "client");
            ValidationException.required(name, "name");
            kinds = List.copyOf(ValidationException.requiredElements(kinds, "kinds"));
        }

        /** The count of a kind; empty when the client has no interaction of it here. */
        public Optional<KindTotal> kind(InteractionKind kind) {
            ValidationException.required(kind, "kind");
            return kinds.stream().filter(k -> k.kind().equals(kind)).findFirst();
        }
    }

    /** One responsible employee: their distinct interactions and the counts per client. */
    public record ResponsibleTotal(EmployeeId responsible, long interactions, List<ClientTotal> clients) {
        public ResponsibleTotal {
            ValidationException.required(responsible, "responsible");
            clients = List.copyOf(ValidationException.requiredElements(clients, "clients"));
        }

        /** The counts of a client; empty when the employee has no interaction with it in the period. */
        public Optional<ClientTotal> client(ClientId id) {
            ValidationException.required(id, "client");
            return clients.stream().filter(c -> c.client().filter(id::equals).isPresent()).findFirst();
        }

        /** The counts of the interactions without a (visible) client, if there are any. */
        public Optional<ClientTotal> withoutClient() {
            return clients.stream().filter(c -> c.client().isEmpty()).findFirst();
        }
    }

    /** The line of an employee; empty when they have no interaction in the period. */
    public Optional<ResponsibleTotal> responsible(EmployeeId employee) {
        ValidationException.required(employee, "employee");
        return responsibles.stream().filter(r -> r.responsible().equals(employee)).findFirst();
    }

    /** The summary of a detailed analysis: what {@link #of} gives for the same period, counted from its lines. */
    public static AnalysisSummary of(InteractionAnalysis analysis) {
        ValidationException.required(analysis, "analysis");
        List<ResponsibleTotal> responsibles = new ArrayList<>();
        for (InteractionAnalysis.ResponsibleLine r : analysis.responsibles()) {
            List<ClientTotal> clients = new ArrayList<>();
            for (InteractionAnalysis.ClientLine c : r.clients()) {
                List<KindTotal> kinds = new ArrayList<>();
                c.kinds().forEach(k -> kinds.add(new KindTotal(k.kind(), k.interactions())));
                clients.add(new ClientTotal(c.client(), c.name(), c.interactions(), kinds));
            }
            responsibles.add(new ResponsibleTotal(r.responsible(), r.interactions(), clients));
        }
        return new AnalysisSummary(analysis.period(), analysis.total(), responsibles);
    }

    /**
     * The summary from a store's counts: lines sorted here, the same for every store. An employee
     * with counts but no total row, or a total row but no counts, is a store's error.
     */
    static AnalysisSummary of(CalendarPeriod period, List<AnalysisCount> rows) {
        ValidationException.requiredElements(rows, "rows");
        Map<EmployeeId, Map<List<Object>, Map<InteractionKind, Long>>> grouped = new TreeMap<>(InteractionAnalysis.EMPLOYEES);
        Map<EmployeeId, Long> totals = new HashMap<>();
        for (AnalysisCount row : rows) {
            if (row.isTotal()) {
                totals.merge(row.responsible(), row.interactions(), Long::sum);
                continue;
            }
            List<Object> clientKey = Arrays.asList(row.client().orElse(null), row.clientName().orElse(null));
            grouped.computeIfAbsent(row.responsible(), e -> new TreeMap<>(InteractionAnalysis.CLIENTS)).computeIfAbsent(clientKey, c -> new TreeMap<>(InteractionAnalysis.KINDS))
                    .merge(row.kind().orElseThrow(), row.interactions(), Long::sum);
        }
        if (!grouped.keySet().equals(totals.keySet())) {
            throw new IllegalStateException("the store's counts and totals name different employees: " + grouped.keySet() + " and "
                    + totals.keySet());
        }
        List<ResponsibleTotal> responsibles = new ArrayList<>();
        grouped.forEach((employee, byClient) -> {
            List<ClientTotal> clients = new ArrayList<>();
            byClient.forEach((key, byKind) -> {
                List<KindTotal> kinds = new ArrayList<>();
                byKind.forEach((kind, count) -> kinds.add(new KindTotal(kind, count)));
                clients.add(new ClientTotal(Optional.ofNullable((ClientId) key.get(0)), Optional.ofNullable((String) key.get(1)),
                        kinds.stream().mapToLong(KindTotal::interactions).sum(), kinds));
            });
            responsibles.add(new ResponsibleTotal(employee, totals.get(employee), clients));
        });
        return new AnalysisSummary(period, responsibles.stream().mapToLong(ResponsibleTotal::interactions).sum(), responsibles);
    }
}
