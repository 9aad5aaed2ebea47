package org.crmkit.property;

import org.crmkit.client.NewClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.Optional;

import org.crmkit.Crm;
import org.crmkit.client.NewClient;
import org.crmkit.client.Client;
import org.crmkit.common.Actor;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

class PropertyValueProperties {

    @Test
    void whatValidatesIsCanonicalAndValidatesAgainUnchanged() {
        qt().forAll(PropertyGenerators.anyKind()).checkAssert(sample -> {
            PropertyValue checked = sample.definition().check(sample.value());
            assertThat(sample.definition().check(checked)).isEqualTo(checked);
            assertThat(checked.display()).isEqualTo(sample.definition().check(checked).display());
        });
    }

    @Test
    void whatValidatesRoundTripsUnchangedThroughAStoredClient() {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).actor(Actor.system(TenantId.of("props"), "test")).build();
        qt().withExamples(200).forAll(PropertyGenerators.anyKind()).checkAssert(sample -> {
            if (crm.properties().get(sample.definition().key().value()).isEmpty()) {
                crm.properties().define(sample.definition());
            }
            Client stored = crm.clients().register(NewClient.legalEntity("Клиент").property(sample.definition().key().value(), sample.value()));
            assertThat(crm.clients().get(stored.id()).property(sample.definition().key()))
                    .contains(sample.definition().check(sample.value()));
        });
    }

    @Test
    void equalNumbersAreEqualValuesWhateverTheirScale() {
        qt().forAll(longs().between(-1_000_000_000L, 1_000_000_000L), integers().between(0, 6)).checkAssert((unscaled, extra) -> {
            BigDecimal number = BigDecimal.valueOf(unscaled);
            assertThat(new PropertyValue.NumberValue(number.setScale(extra)))
                    .isEqualTo(new PropertyValue.NumberValue(number));
        });
    }

    @Test
    void aNumberOutsideItsRangeOrScaleIsRejectedNamingPropertyAndValue() {
        PropertyDefinition count = PropertyDefinition.define("employees", "Количество сотрудников",
                new PropertyType.NumberType(0, Optional.of(BigDecimal.ZERO), Optional.of(BigDecimal.valueOf(10_000))));
        qt().forAll(longs().between(-1_000_000, 1_000_000), integers().between(0, 3)).checkAssert((unscaled, scale) -> {
            BigDecimal number = BigDecimal.valueOf(unscaled, scale);
            boolean valid = number.stripTrailingZeros().scale() <= 0 && number.signum() >= 0
                    && number.compareTo(BigDecimal.valueOf(10_000)) <= 0;
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> count.check(new PropertyValue.NumberValue(number)));
            if (valid) {
                assertThat(e).isNull();
            } else {
                assertThat(e).isNotNull();
                assertThat(e.field()).isEqualTo("properties.employees");
                assertThat(new BigDecimal(e.rejectedValue())).isEqualByComparingTo(number);
            }
        });
    }
}
