package org.crmkit.jpa.crash;

import org.crmkit.criteria.Criterion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.jpa.JpaStorage;

/**
 * A database written by {@link CrashWorkload} opened as a restarted host opens it, through the
 * public API, with every client checked: it reads back as its draft (nothing half written), its
 * code is its own, and every client reported committed ({@code code → key}) is there.
 *
 * @param broken why the database could not be opened or read, if it could not
 * @param clients how many clients it holds
 * @param lost the committed clients that are missing, as {@code code key}
 * @param lostCodes their codes
 * @param damaged clients that differ from their drafts or share a code
 */
record ClientBaseCheck(String broken, long clients, List<String> lost, List<String> lostCodes, List<String> damaged) {

    boolean whole() {
        return broken == null && lost.isEmpty() && damaged.isEmpty();
    }

    static ClientBaseCheck of(Supplier<JpaStorage> open, Map<String, String> committed, CrashWorkload.Expected expected) {
        List<Client> all = new ArrayList<>();
        Map<Client, String> contents = new HashMap<>();
        try (Crm crm = Crm.builder().storage(open.get()).build()) {
            for (int offset = 0; ; offset += ClientQuery.MAX_LIMIT) {
                List<Client> page = crm.clients().find(ClientQuery.where(Criterion.all())
                        .page(offset, ClientQuery.MAX_LIMIT));
                for (Client client : page) {
                    all.add(client);
                    contents.put(client, CrashWorkload.content(client, crm.contactPersons().ofClient(client.id())));
                }
                if (page.size() < ClientQuery.MAX_LIMIT) {
                    break;
                }
            }
            long counted = crm.clients().count(Criterion.all());
            if (counted != all.size()) {
                return new ClientBaseCheck(null, all.size(), List.of(), List.of(),
                        List.of("count " + counted + " differs from the " + all.size() + " clients listed"));
            }
        } catch (RuntimeException | AssertionError e) {
            return new ClientBaseCheck(rootCause(e), 0, List.of(), List.of(), List.of());
        }
        List<String> damaged = new ArrayList<>();
        Map<String, String> keyByCode = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (Client client : all) {
            String code = client.code().value();
            String key = CrashWorkload.keyOf(client);
            if (keyByCode.put(code, key) != null) {
                damaged.add(code + ": the code is used twice");
            }
            if (!keys.add(key)) {
                damaged.add(key + ": written twice");
            }
            if (!contents.get(client).equals(expected.of(key))) {
                damaged.add(code + " " + key + ": read back as " + contents.get(client) + ", written as " + expected.of(key));
            }
        }
        List<String> lost = new ArrayList<>();
        List<String> lostCodes = new ArrayList<>();
        committed.forEach((code, key) -> {
            String found = keyByCode.get(code);
            if (found == null) {
                lost.add(code + " " + key + " is missing");
                lostCodes.add(code);
            } else if (!found.equals(key)) {
                damaged.add(code + ": holds " + found + ", the child committed " + key + " under it");
            }
        });
        return new ClientBaseCheck(null, all.size(), lost, lostCodes, damaged);
    }

    /** The innermost cause, on one line: {@code MVStoreException: Double mark: …}. */
    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).replaceAll("\\s+", " ");
        return root.getClass().getSimpleName() + ": " + (message.length() > 240 ? message.substring(0, 240) + "…" : message);
    }
}
