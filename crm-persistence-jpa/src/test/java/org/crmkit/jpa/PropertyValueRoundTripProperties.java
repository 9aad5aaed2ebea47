package org.crmkit.jpa;

import org.crmkit.criteria.Criterion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.UUID;
import java.util.stream.Stream;

import org.crmkit.Crm;
import org.crmkit.client.NewClient;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.common.Actor;
import org.crmkit.common.TenantId;
import org.crmkit.property.PropertyGenerators;
import org.crmkit.property.PropertyValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What validates round-trips unchanged through the database, and is found by an equality criterion. */
class PropertyValueRoundTripProperties {
    private static JpaStorage h2;
    private static JpaStorage postgres;

    @BeforeAll
    static void open() {
        h2 = TestDatabases.h2("properties");
        postgres = TestDatabases.postgres();
    }

    @AfterAll
    static void close() {
        h2.close();
        postgres.close();
    }

    static Stream<JpaStorage> databases() {
        return Stream.of(h2, postgres);
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void everyValidValueComesBackEqualAndMatchesItsOwnCriterion(JpaStorage storage) {
        Crm crm = Crm.builder().storage(storage).actor(Actor.system(TenantId.of("p" + UUID.randomUUID().toString().substring(0, 8)), "test")).build();
        qt().withExamples(120).forAll(PropertyGenerators.anyKind()).checkAssert(sample -> {
            String key = sample.definition().key().value();
            if (crm.properties().get(key).isEmpty()) {
                crm.properties().define(sample.definition());
            }
            PropertyValue expected = sample.definition().check(sample.value());
            Client stored = crm.clients().register(NewClient.legalEntity("Клиент").property(key, sample.value()));
            assertThat(crm.clients().get(stored.id()).property(sample.definition().key())).contains(expected);

            PropertyValue probe = expected instanceof PropertyValue.MultiChoiceValue
                    ? PropertyValue.choice(((PropertyValue.MultiChoiceValue) expected).values().iterator().next()) : expected;
            Criterion<ClientCriterion> matches = Criterion.and(new ClientCriterion.IdIn(java.util.Set.of(stored.id())),
                    new ClientCriterion.PropertyEquals(sample.definition().key(), probe));
            assertThat(crm.clients().count(matches)).as("criterion on %s", expected).isEqualTo(1);
        });
    }
}
