package org.crmkit.property;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of (definition, value) pairs where the value is valid for the definition, one kind
 * at a time and mixed; used by the property tests here and in the JPA module (test-jar).
 */
public final class PropertyGenerators {
    public static final ChoiceId FIRST = new ChoiceId(UUID.fromString("00000000-0000-7000-8000-00000000f001"));
    public static final ChoiceId SECOND = new ChoiceId(UUID.fromString("00000000-0000-7000-8000-00000000f002"));
    public static final ChoiceId THIRD = new ChoiceId(UUID.fromString("00000000-0000-7000-8000-00000000f003"));
    private static final ValueList LIST = ValueList.empty().add(FIRST, "Кухонная мебель").add(SECOND, "Офисная мебель")
            .add(THIRD, "Комплектующие");

    private PropertyGenerators() {
    }

    /** A definition and a value that validates against it. */
    public record Sample(PropertyDefinition definition, PropertyValue value) {
        @Override
        public String toString() {
            return definition.type() + " = " + value;
        }
    }

    private static PropertyDefinition define(PropertyType type) {
        return PropertyDefinition.define("p-" + type.kind(), "Свойство " + type.kind(), type);
    }

    /** Text of Cyrillic, Latin, digits, punctuation, emoji and line breaks; 1–200 characters, not blank. */
    static Gen<String> text() {
        Gen<String> cyrillic = strings().betweenCodePoints(0x0410, 0x044F).ofLengthBetween(1, 60);
        Gen<String> mixed = strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(1, 60);
        // QuickTheories' string generators stop at the Basic Multilingual Plane, so emoji are built from code points
        Gen<String> emoji = integers().between(0x1F600, 0x1F64F).map(cp -> new String(Character.toChars(cp)));
        return cyrillic.zip(mixed, emoji, Generate.pick(List.of(" ", "\n", "ё", "")), (a, b, c, sep) -> a + sep + b + c)
                .assuming(s -> !s.isBlank());
    }

    static Gen<Sample> texts() {
        return text().map(t -> new Sample(define(new PropertyType.TextType(4000)), PropertyValue.text(t)));
    }

    static Gen<Sample> numbers() {
        return longs().between(-999_999_999_999L, 999_999_999_999L).zip(integers().between(0, 6), (unscaled, scale) ->
                new Sample(define(new PropertyType.NumberType(6, java.util.Optional.empty(), java.util.Optional.empty())),
                        new PropertyValue.NumberValue(BigDecimal.valueOf(unscaled, scale))));
    }

    static Gen<Sample> money() {
        return longs().between(-99_999_999_999L, 99_999_999_999L).map(kopecks ->
                new Sample(define(PropertyType.MoneyType.of("RUB")),
                        PropertyValue.money(new Money(BigDecimal.valueOf(kopecks, 2), Money.currency("RUB")))));
    }

    static Gen<Sample> dates() {
        return integers().between(0, 365 * 200).map(days ->
                new Sample(define(PropertyType.DateType.any()), PropertyValue.date(LocalDate.of(1900, 1, 1).plusDays(days))));
    }

    static Gen<Sample> booleans_() {
        return booleans().all().map(b -> new Sample(define(new PropertyType.BooleanType()), PropertyValue.bool(b)));
    }

    static Gen<Sample> choices() {
        return Generate.pick(List.of(FIRST, SECOND, THIRD)).map(id ->
                new Sample(define(new PropertyType.ChoiceType(LIST)), PropertyValue.choice(id)));
    }

    static Gen<Sample> multiChoices() {
        return Generate.pick(List.of(Set.of(FIRST), Set.of(SECOND, THIRD), Set.of(FIRST, SECOND, THIRD), Set.of(THIRD, FIRST)))
                .map(ids -> new Sample(define(new PropertyType.MultiChoiceType(LIST)), PropertyValue.choices(ids)));
    }

    static Gen<Sample> references() {
        Gen<Sample> employees = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 30).map(key ->
                new Sample(define(new PropertyType.EmployeeRefType()), PropertyValue.employee(EmployeeId.of(key))));
        Gen<Sample> clients = longs().all().zip(longs().all(), (hi, lo) ->
                new Sample(define(new PropertyType.ClientRefType()), PropertyValue.client(new ClientId(new UUID(hi, lo)))));
        return employees.mix(clients);
    }

    /** Every kind of property, mixed. */
    public static Gen<Sample> anyKind() {
        return texts().mix(numbers()).mix(money()).mix(dates()).mix(booleans_()).mix(choices()).mix(multiChoices())
                .mix(references());
    }
}
