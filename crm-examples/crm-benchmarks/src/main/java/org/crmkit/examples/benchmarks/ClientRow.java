package org.crmkit.examples.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.crmkit.common.ClientKind;

/**
 * One generated client as plain data: what a user would type ({@code phoneTyped}) next to what the
 * base stores ({@code phone}, E.164). Both the crmkit side and the JDBC baseline of a benchmark are
 * fed from the same rows.
 *
 * @param nameCore the distinctive part of the name ("ВекторСтрой", a surname) that name searches type
 * @param sector index into {@link BenchProperties#SECTORS}; the client's {@code industry} is its label
 */
public record ClientRow(long number, ClientKind kind, String shortName, Optional<String> fullName, String nameCore,
                        String region, String city, int sector, Optional<String> inn, Optional<String> kpp,
                        LocalDate registeredOn, String phone, String phoneTyped, String mobile, String mobileTyped,
                        String email, String address, String source, long employees, LocalDate contractDate,
                        boolean vip, List<PersonRow> persons) {

    public ClientRow {
        persons = List.copyOf(persons);
    }

    public String industry() {
        return BenchProperties.SECTORS.get(sector);
    }

    /** Legal entities and sole proprietors have a legal address, private persons an actual one. */
    public boolean hasLegalAddress() {
        return kind != ClientKind.INDIVIDUAL;
    }

    /** A contact person of a generated client, with one mobile number. */
    public record PersonRow(String surname, String firstName, String patronymic, String position,
                            String mobile, String mobileTyped) {

        public String fullName() {
            return surname + " " + firstName + " " + patronymic;
        }
    }
}
