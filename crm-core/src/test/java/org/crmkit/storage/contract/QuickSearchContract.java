package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.common.Actor;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * Quick search's part of the store kit: the relevance corpus ({@link SearchCorpus}) lists what it
 * must first, and every storage lists the same pages as the in-memory store, which ranks by the
 * contract of {@link org.crmkit.client.NameSearch} in code.
 */
abstract class QuickSearchContract extends ContractBase {

    @Test
    void theRelevanceCorpusListsWhatEachQueryMustListFirst() {
        Crm crm = Crm.builder().storage(storage()).actor(Actor.system(tenant, "corpus")).build();
        SearchCorpus.load(crm);
        assertThat(SearchCorpus.check(crm)).isEmpty();

        // the whole pages, not only their first names, are those of the contract's reference
        Crm reference = Crm.builder().storage(new InMemoryStorage()).actor(Actor.system(tenant, "corpus")).build();
        SearchCorpus.load(reference);
        Map<String, List<String>> differences = new TreeMap<>();
        for (SearchCorpus.Query query : SearchCorpus.queries()) {
            List<String> found = SearchCorpus.names(crm.clients().search(query.text()));
            List<String> expected = SearchCorpus.names(reference.clients().search(query.text()));
            if (!found.equals(expected)) {
                differences.put(query.text(), List.of(String.valueOf(found), String.valueOf(expected)));
            }
        }
        assertThat(differences).as("pages that differ from the in-memory reference (found, reference)").isEmpty();
    }

    @Test
    void theCorpusHasTenQueriesOrMoreForEachPromise() {
        Map<String, Long> perGroup = SearchCorpus.queries().stream()
                .collect(Collectors.groupingBy(SearchCorpus.Query::group, Collectors.counting()));
        assertThat(perGroup).hasSize(5).allSatisfy((group, count) -> assertThat(count).as(group).isGreaterThanOrEqualTo(10));
    }
}
