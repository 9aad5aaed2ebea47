package org.crmkit.examples.demo;

import org.crmkit.criteria.Criterion;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.audit.AuditEntry;
import org.crmkit.client.Client;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.Actor;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.handover.HandOverReport;
import org.crmkit.jpa.JpaStorage;
import org.crmkit.property.PropertyDefinition;

/**
 * Creates the brochure's clients and their sales side in an embedded H2 database (first run), then
 * prints their cards, a few quick searches, Алхимов's interactions, contract and bank account, a
 * sales funnel, the report "Доходы и расходы" with ABC classes, an employee's week with a reminder, a
 * satisfaction survey, a hand-over, the reports "Анализ взаимодействий" and "Клиенты без
 * взаимодействий", consents with a one-click unsubscribe through the example endpoint and a proof
 * export, and a change journal. Run it twice: the second run finds the data again.
 *
 * <p>Argument: the database file (default {@code data/crm-demo}).
 */
public final class Demo {
    private static final TenantId TENANT = TenantId.of("veterok");
    static final EmployeeDirectory STAFF = EmployeeDirectory.of(List.of(
            Employee.of("abdulov", "Абдулов Юрий Владимирович", "sales"),
            Employee.of("alekseev", "Алексеев И.Н.", "sales"),
            Employee.of("panina", "Панина Л.Г.", "service"),
            Employee.of("petrishchev", "Петрищев А.Е.", "sales")));

    private Demo() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "data/crm-demo");
        run(file, new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    /** The whole demo against the database file, printing to {@code out}. */
    public static void run(Path file, PrintStream out) {
        BrochureSegments.Events segmentEvents = new BrochureSegments.Events();
        try (Crm crm = Crm.builder()
                .listener(segmentEvents)
                .storage(JpaStorage.h2(file))
                .employees(STAFF)
                .zone(BrochureSales.MOSCOW)
                .actor(Actor.employee(TENANT, EmployeeId.of("abdulov")))
                .build()) {
            List<ClientSummary> found = crm.clients().search("Питерсофт");
            Optional<HandOverReport> handOver = Optional.empty();
            if (found.isEmpty()) {
                out.println("New database at " + file.toAbsolutePath() + ": registering the brochure's clients.");
                BrochureSales.create(crm, BrochureClients.create(crm));
                handOver = Optional.of(BrochureInteractions.create(crm));
                BrochureConsents.create(crm);
            } else {
                out.println("Database at " + file.toAbsolutePath() + " already holds the brochure's clients (from an earlier run).");
                ClientSummary pitersoft = found.get(0);
                Client touched = crm.clients().update(pitersoft.id(), c -> c.changeNotes("Демо запущено снова: " + LocalDate.now()));
                out.println("Updated the notes of " + touched.shortName() + " to version " + touched.version() + ".");
            }
            out.println();
            for (Client client : crm.clients().find(ClientQuery.where(Criterion.all()))) {
                printCard(crm, client, out);
            }
            printSearches(crm, out);
            BrochureSales.print(crm, out);
            BrochureInteractions.print(crm, handOver, out);
            BrochureConsents.print(crm, TENANT, out);
            BrochureSegments.run(crm, segmentEvents, out);
            BrochureMailings.run(crm, TENANT, out);
            ClientSummary pitersoft = crm.clients().search("Питерсофт").get(0);
            out.println("Change journal of " + pitersoft.shortName() + ":");
            for (AuditEntry entry : crm.clients().history(pitersoft.id())) {
                out.printf("  %s  %-10s %-22s %s → %s%n", entry.at(), entry.actor(), entry.field(),
                        entry.oldValue().orElse("—"), entry.newValue().orElse("—"));
            }
        }
    }

    private static void printCard(Crm crm, Client client, PrintStream out) {
        Map<RelationshipTypeId, String> relationships = crm.relationshipTypes().all().stream()
                .collect(Collectors.toMap(RelationshipType::id, RelationshipType::name));
        Map<String, PropertyDefinition> schema = crm.properties().all().stream()
                .collect(Collectors.toMap(d -> d.key().value(), d -> d));
        out.println("┌ " + client.shortName() + " (" + client.code() + ")" + client.fullName().map(n -> " — " + n).orElse(""));
        out.println("│ Вид: " + client.kind() + "   Тип отношений: " + client.relationship().map(relationships::get).orElse("—")
                + "   Основной менеджер: " + client.manager().flatMap(m -> crm.employees().find(m)).map(Employee::name).orElse("—"));
        out.println("│ ИНН: " + client.taxIds().inn().map(i -> i.value()).orElse("—")
                + client.taxIds().kpp().map(k -> "   КПП: " + k.value()).orElse("")
                + client.taxIds().ogrn().map(o -> "   ОГРН: " + o.value()).orElse("")
                + "   Дата регистрации: " + client.registeredOn());
        for (ContactEntry contact : client.contacts()) {
            out.println("│ " + contact.type() + (contact.primary() ? "*" : " ") + " " + contact.display());
        }
        client.properties().forEach((key, value) -> {
            PropertyDefinition definition = schema.get(key.value());
            out.println("│ " + definition.label() + ": " + definition.display(value));
        });
        for (ContactPerson person : crm.contactPersons().ofClient(client.id())) {
            out.println("│ Контактное лицо: " + person.name().full()
                    + person.relationStart().map(d -> ", связь с " + d).orElse("")
                    + person.contacts().stream().map(c -> ", " + c.display()).collect(Collectors.joining()));
        }
        out.println("└ version " + client.version());
        out.println();
    }

    private static void printSearches(Crm crm, PrintStream out) {
        for (String query : List.of("питер", "ПРАЙМ", "8 903 523-66-45", "+7 (903) 5236645", "7707083893", "000000012", "AD@ERW.RU")) {
            out.println("Быстрый поиск \"" + query + "\": " + crm.clients().search(query).stream()
                    .map(c -> c.shortName() + " (" + c.code() + c.phone().map(phone -> ", " + phone.international()).orElse("") + ")")
                    .collect(Collectors.joining(", ")));
        }
        out.println();
    }
}
