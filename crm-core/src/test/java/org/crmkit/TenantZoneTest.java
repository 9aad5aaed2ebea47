package org.crmkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/** The tenant's zone given on the builder, and an employee's own zone. */
class TenantZoneTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");
    /** 22:30 UTC on 15 September: already the 16th in Moscow. */
    private static final Instant LATE = Instant.parse("2011-09-15T22:30:00Z");

    @Test
    void theZoneIsUtcUnlessTheClockOrTheBuilderSaysOtherwise() {
        assertThat(Crm.builder().storage(new InMemoryStorage()).build().zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(Crm.builder().storage(new InMemoryStorage()).clock(Clock.fixed(LATE, MOSCOW)).build().zone()).isEqualTo(MOSCOW);
    }

    @Test
    void theBuildersZoneWinsOverTheClocksAndDaysAreReadInIt() {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).clock(Clock.fixed(LATE, ZoneOffset.UTC)).zone("Europe/Moscow").build();
        assertThat(crm.zone()).isEqualTo(MOSCOW);
        assertThat(crm.clock().instant()).isEqualTo(LATE);
        assertThat(LocalDate.now(crm.clock())).isEqualTo(LocalDate.of(2011, 9, 16));
    }

    @Test
    void anEmployeeWithAZoneOfTheirOwnIsShownInItOthersInTheTenantsZone() {
        Employee far = Employee.of("petrov", "Петров", null).inZone(VLADIVOSTOK);
        Employee near = Employee.of("ivanov", "Иванов", null);
        Crm crm = Crm.builder().storage(new InMemoryStorage()).zone(MOSCOW).employees(EmployeeDirectory.of(List.of(far, near))).build();
        assertThat(far.zone()).contains(VLADIVOSTOK);
        assertThat(near.zone()).isEqualTo(Optional.empty());
        assertThat(crm.zoneOf(far.id())).isEqualTo(VLADIVOSTOK);
        assertThat(crm.zoneOf(near.id())).isEqualTo(MOSCOW);
        assertThat(crm.zoneOf(EmployeeId.of("nobody"))).isEqualTo(MOSCOW);
    }

    @Test
    void anUnknownZoneIdIsRefusedNamingTheFieldAndTheValue() {
        assertThatThrownBy(() -> Crm.builder().zone("Europe/Atlantis"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("zone"))
                .hasMessageContaining("Europe/Atlantis");
        assertThatThrownBy(() -> Crm.builder().zone((ZoneId) null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("zone"));
    }
}
