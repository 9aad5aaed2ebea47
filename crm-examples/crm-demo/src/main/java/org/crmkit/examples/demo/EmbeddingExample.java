package org.crmkit.examples.demo;

// README begin: imports
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.ContactType;
import org.crmkit.client.NewClient;
import org.crmkit.client.RelationshipType;
import org.crmkit.common.Actor;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.jpa.JpaStorage;
// README end

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.stream.Stream;

import org.crmkit.employee.Employee;

/**
 * The README's "Embed it in your application" snippet, compiled and run, so that it cannot rot:
 * the README quotes the lines between the {@code README begin} and {@code README end} markers
 * of this file exactly, and {@code EmbeddingExampleTest} checks that it does and runs it.
 *
 * <p>{@code main} runs it on H2 in a temporary directory, which it deletes afterwards.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dataDir = Files.createTempDirectory("crmkit-embedding");
        try {
            List<DomainEvent> published = new ArrayList<>();
            Client card = embed(dataDir, erpUsers(), "veterok", () -> "alekseev", published::add);
            out.println("Registered, found and changed " + card.shortName() + " (" + card.code() + ") in " + dataDir + ";");
            published.forEach(event -> out.println("  published after commit: " + event.getClass().getSimpleName()));
        } finally {
            delete(dataDir);
        }
    }

    /** The host's own users, which it already keeps (here: three of them). */
    static EmployeeDirectory erpUsers() {
        return EmployeeDirectory.of(List.of(Employee.of("alekseev", "Алексеев И.Н.", "sales"),
                Employee.of("panina", "Панина Л.Г.", "sales"), Employee.of("petrishchev", "Петрищев А.Е.", "service")));
    }

    /**
     * What a host writes to embed crmkit. The parameters stand for what it already has: a
     * directory for data, its user directory, its company (the tenant), who is logged in, and its
     * event bus. Returns the card read back by the search.
     */
    // README begin: snippet
    static Client embed(Path dataDir, EmployeeDirectory erpUserDirectory, String company, Supplier<String> currentUser,
                        Consumer<DomainEvent> erpEvents) {
        Crm crm = Crm.builder()
                .storage(JpaStorage.h2(dataDir.resolve("crm")))        // or JpaStorage.builder().dataSource(pg).build()
                .employees(erpUserDirectory)                            // your users, as an EmployeeDirectory
                .accessPolicy(ClientAccess.ownAndTeam(erpUserDirectory))
                .actorSource(() -> Actor.employee(TenantId.of(company), EmployeeId.of(currentUser.get())))
                .listener(erpEvents::accept)                            // after commit
                .build();

        Client pitersoft = crm.clients().register(NewClient.legalEntity("Питерсофт")
                .fullName("ООО \"Питерсофт\"").inn("7707083893").relationship(RelationshipType.VIP)
                .contact(ContactType.PHONE, "8 (903) 523-66-45").contact(ContactType.EMAIL, "info@pitersoft.ru"));
        List<ClientSummary> found = crm.clients().search("питер");      // name, phone, e-mail, INN or code: search lines
        Client card = crm.clients().get(found.get(0).id());             // the whole client, to show or change
        crm.clients().update(pitersoft.id(), c -> c.assignManager(EmployeeId.of("panina")));
        crm.close();                                                    // when the host stops
        return card;
    }
    // README end

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
