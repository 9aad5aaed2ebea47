package org.crmkit.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.common.ClientId;
import org.crmkit.criteria.Criterion;

/**
 * Stores the clients of one tenant, inside the unit of work that handed it out.
 *
 * <p>Contract (checked by the store contract kit): {@link #insert} stores a client at version 1,
 * {@link #update} only if the stored version equals the client's, else it throws
 * {@link org.crmkit.common.ConcurrentChangeException} and writes nothing; codes are unique per
 * tenant ({@link org.crmkit.common.DuplicateException} naming {@code code}); {@link #find} answers
 * a criterion exactly as {@link ClientCriterion#matches} would, in one round trip for a database.
 */
public interface ClientStore {
    Optional<Client> get(ClientId id);

    List<Client> find(ClientQuery query);

    /**
     * The page of {@code query} as summaries: the same clients in the same order as {@link #find},
     * each as {@link ClientSummary#of} would make it. A database answers it in one query, without
     * reading the clients' contacts and property values.
     */
    default List<ClientSummary> summaries(ClientQuery query) {
        return find(query).stream().map(ClientSummary::of).collect(Collectors.toList());
    }

    long count(Criterion<ClientCriterion> criterion);

    /**
     * The ids among {@code ids} that are clients of the tenant, archived ones included, whatever
     * the actor may see (a check of references, not a read). This default asks
     * {@link #summaries} in pages of ids; a database asks for the ids alone.
     */
    default Set<ClientId> existing(Collection<ClientId> ids) {
        List<ClientId> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Set<ClientId> found = new HashSet<>();
        for (int from = 0; from < distinct.size(); from += ClientQuery.MAX_LIMIT) {
            List<ClientId> chunk = distinct.subList(from, Math.min(distinct.size(), from + ClientQuery.MAX_LIMIT));
            summaries(new ClientQuery(new ClientCriterion.IdIn(Set.copyOf(chunk)), ClientQuery.Order.CODE, 0, chunk.size()))
                    .forEach(c -> found.add(c.id()));
        }
        return found;
    }

    /**
     * The name part of a quick search: up to {@code limit} clients matching {@code within} whose
     * names match {@code search}, as summaries in its relevance order (the tiers of
     * {@link NameSearch}). The search says what is found and in which order; the store decides how
     * (a database from its indexes). This default reads every client matching {@code within}, in
     * pages, and ranks them in memory: right for any store, fast for none.
     */
    default List<ClientSummary> searchNames(NameSearch search, Criterion<ClientCriterion> within, int limit) {
        List<Client> matching = new ArrayList<>();
        for (int offset = 0; ; offset += ClientQuery.MAX_LIMIT) {
            List<Client> page = find(new ClientQuery(within, ClientQuery.Order.CODE, offset, ClientQuery.MAX_LIMIT));
            page.stream().filter(c -> search.tier(c).isPresent()).forEach(matching::add);
            if (page.size() < ClientQuery.MAX_LIMIT) {
                break;
            }
        }
        return search.rank(matching, limit).stream().map(ClientSummary::of).collect(Collectors.toList());
    }

    /**
     * Keyset paging through a whole base: up to {@code limit} clients matching {@code where} whose
     * id comes after {@code after} ({@link org.crmkit.common.SortOrder#UUIDS}; none: from the
     * first), by id. Ids never change, so a host that pages from the last id it saw meets every
     * client that existed all along exactly once, whatever is added or changed meanwhile. A
     * database answers it in one statement reading its primary key from the cursor on.
     */
    List<Client> findAfter(Criterion<ClientCriterion> where, Optional<ClientId> after, int limit);

    /** Stores a new client (version 0); returns it at version 1. */
    Client insert(Client client);

    /** Stores new clients in one batch; each comes back at version 1. */
    default List<Client> insertAll(List<Client> clients) {
        List<Client> stored = new ArrayList<>(clients.size());
        clients.forEach(c -> stored.add(insert(c)));
        return stored;
    }

    /** Stores a changed client read at {@code client.version()}; returns it at the next version. */
    Client update(Client client);

    /**
     * Reserves {@code count} consecutive numbers for auto-numbered codes of this tenant and returns
     * the first. A number is never handed out twice, even when the unit of work rolls back.
     */
    long reserveCodeNumbers(int count);
}
