package org.crmkit.examples.benchmarks;

import org.crmkit.criteria.Criterion;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.ContactType;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientKind;
import org.crmkit.common.TenantId;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void theSameSeedGivesTheSameClientsAndAnotherSeedOthers() {
        List<ClientRow> first = new Dataset(Dataset.DEFAULT_SEED).next(300);
        List<ClientRow> again = new Dataset(Dataset.DEFAULT_SEED).next(300);
        List<ClientRow> other = new Dataset(Dataset.DEFAULT_SEED + 1).next(300);

        assertThat(again).isEqualTo(first);
        assertThat(other.get(0).shortName()).isNotEqualTo(first.get(0).shortName());
    }

    @Test
    void phonesAndInnsAreUniqueAndNamesCyrillic() {
        List<ClientRow> rows = new Dataset(7).next(5_000);
        Set<String> phones = new HashSet<>();
        Set<String> inns = new HashSet<>();
        for (ClientRow row : rows) {
            assertThat(phones.add(row.phone())).as("landline %s", row.phone()).isTrue();
            assertThat(phones.add(row.mobile())).as("mobile %s", row.mobile()).isTrue();
            row.persons().forEach(p -> assertThat(phones.add(p.mobile())).as("person mobile %s", p.mobile()).isTrue());
            row.inn().ifPresent(inn -> assertThat(inns.add(inn)).as("inn %s", inn).isTrue());
            assertThat(row.nameCore()).matches(".*[А-Яа-яЁё].*");
            assertThat(row.shortName()).contains(row.nameCore());
        }
        assertThat(rows).extracting(ClientRow::kind).contains(ClientKind.LEGAL_ENTITY, ClientKind.SOLE_PROPRIETOR, ClientKind.INDIVIDUAL);
        assertThat(rows.stream().filter(r -> r.sector() == 0).count()).isBetween(1_000L, 1_600L);
    }

    @Test
    void twoHundredClientsRegisterThroughTheApiAndAreFoundAgain() {
        List<ClientRow> rows = new Dataset(Dataset.DEFAULT_SEED).next(200);
        try (Crm crm = Crm.builder().storage(new InMemoryStorage()).actor(Actor.system(TenantId.of("bench"), "bench")).build()) {
            BenchProperties.define(crm);

            List<Client> stored = crm.clients().registerAll(Drafts.of(rows));

            assertThat(stored).hasSize(200);
            assertThat(crm.clients().count(Criterion.all())).isEqualTo(200);
            for (int i = 0; i < rows.size(); i++) {
                ClientRow row = rows.get(i);
                Client client = stored.get(i);
                assertThat(client.contacts()).hasSize(4);
                assertThat(client.contacts(ContactType.PHONE).get(0).value()).isEqualTo(row.phone());
                assertThat(client.contacts(ContactType.MOBILE).get(0).value()).isEqualTo(row.mobile());
                assertThat(client.contacts(ContactType.EMAIL).get(0).value()).isEqualTo(row.email());
                assertThat(client.properties()).hasSize(5);
                assertThat(crm.contactPersons().ofClient(client.id())).hasSize(2)
                        .allSatisfy(p -> assertThat(p.contacts()).hasSize(1));
            }
            ClientRow sample = rows.get(17);
            assertThat(crm.clients().search(sample.phoneTyped())).extracting(ClientSummary::shortName).containsExactly(sample.shortName());
            assertThat(crm.clients().search(Dataset.typedAs(sample.mobile(), 1))).extracting(ClientSummary::shortName).containsExactly(sample.shortName());
            sample.inn().ifPresent(inn -> assertThat(crm.clients().search(inn)).extracting(ClientSummary::shortName).contains(sample.shortName()));
            assertThat(crm.clients().search(sample.nameCore().substring(0, 4))).extracting(ClientSummary::shortName).contains(sample.shortName());

            long inSector = rows.stream().filter(r -> r.sector() == 0).count();
            Criterion<ClientCriterion> sector = new ClientCriterion.PropertyEquals(PropertyKey.of(BenchProperties.SECTOR),
                    PropertyValue.choice(BenchProperties.sectorChoice(0)));
            assertThat(crm.clients().count(sector)).isEqualTo(inSector);
            assertThat(crm.clients().find(ClientQuery.where(sector).page(0, 100))).hasSize((int) Math.min(100, inSector));
        }
    }
}
