package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.NewClient;
import org.crmkit.common.Actor;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.feed.FeedStore;
import org.crmkit.taxid.Kpp;
import org.junit.jupiter.api.Test;

/** Input as hosts type it, through the facade on the store under test: normalised as people write it, or refused whole. */
abstract class InputContract extends CriteriaContract {

    private Crm crm() {
        return Crm.builder().storage(storage()).actor(Actor.employee(tenant, EmployeeId.of("alekseev"))).build();
    }

    @Test
    void aKppTypedInLowerCaseIsStoredAsTheTaxOfficeWritesItAndReadsBackSo() {
        Crm crm = crm();
        Client client = crm.clients().register(NewClient.legalEntity("Прайм-М").inn("7736050003").kpp(" 7736ab001 "));

        assertThat(client.taxIds().kpp()).contains(new Kpp("7736AB001"));
        assertThat(crm.clients().get(client.id()).taxIds().kpp()).contains(new Kpp("7736AB001"));
        assertThat(crm.clients().update(client.id(), c -> c.changeNotes("ещё")).taxIds().kpp()).contains(new Kpp("7736AB001"));
    }

    @Test
    void aNullAnywhereInABatchIsRefusedNamingItsFieldAndNothingIsHalfSaved() {
        Crm crm = crm();
        int feedBefore = storage().<Integer>read(tenant, s -> s.get(FeedStore.class).after(0, 1000).size());

        assertThatThrownBy(() -> crm.clients().registerAll(Arrays.asList(NewClient.legalEntity("Альфа"), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("clients"));
        assertThatThrownBy(() -> crm.clients().registerAll(List.of(NewClient.legalEntity("Альфа"),
                NewClient.legalEntity("Бета").kpp("7736ab00"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("clients[1].kpp");
                    assertThat(e.rejectedValue()).isEqualTo("7736ab00");
                });
        assertThatThrownBy(() -> NewClient.legalEntity("Гамма").choice("furniture", (String) null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("properties.furniture[0]: null is required"));
        assertThatThrownBy(() -> crm.clients().update(null, c -> c)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.getMessage()).isEqualTo("id: null is required"));

        assertThat(crm.clients().count(Criterion.all())).isZero();
        assertThat(crm.clients().listAfter(Criterion.<ClientCriterion>all(), Optional.empty(), 10)).isEmpty();
        assertThat(storage().<Integer>read(tenant, s -> s.get(FeedStore.class).after(0, 1000).size())).isEqualTo(feedBefore);
    }
}
