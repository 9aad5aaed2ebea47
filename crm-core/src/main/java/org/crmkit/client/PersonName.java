package org.crmkit.client;

import org.crmkit.common.ValidationException;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.crmkit.common.CleanText;

/** A Russian-style full name: surname, first name, patronymic ("Светикова Светлана Андреевна"). */
public record PersonName(String surname, Optional<String> firstName, Optional<String> patronymic) {
    public PersonName {
        surname = CleanText.require("surname", surname, 100);
        ValidationException.required(firstName, "firstName");
        ValidationException.required(patronymic, "patronymic");
        firstName = firstName.flatMap(n -> CleanText.optional("firstName", n, 100));
        patronymic = patronymic.flatMap(n -> CleanText.optional("patronymic", n, 100));
    }

    public static PersonName of(String surname, String firstName, String patronymic) {
        return new PersonName(surname, Optional.ofNullable(firstName), Optional.ofNullable(patronymic));
    }

    /** "Светикова Светлана Андреевна". */
    public String full() {
        return Stream.of(Optional.of(surname), firstName, patronymic).flatMap(Optional::stream)
                .collect(Collectors.joining(" "));
    }

    /** "Светикова С.А.". */
    public String withInitials() {
        String initials = Stream.of(firstName, patronymic).flatMap(Optional::stream)
                .map(n -> n.substring(0, n.offsetByCodePoints(0, 1)) + ".").collect(Collectors.joining());
        return initials.isEmpty() ? surname : surname + " " + initials;
    }
}
