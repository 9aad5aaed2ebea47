package org.crmkit.examples.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.Crm;
import org.crmkit.property.Choice;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyType;
import org.crmkit.property.ValueList;

/**
 * The five additional properties every generated client carries, one of each storage type: text,
 * number, choice, date, boolean. The choice property {@code sector} mirrors the plain
 * {@code industry} column entry for entry, so filtering on either selects the same clients.
 */
public final class BenchProperties {
    public static final String SOURCE = "source";
    public static final String EMPLOYEES = "employees";
    public static final String SECTOR = "sector";
    public static final String CONTRACT_DATE = "contract-date";
    public static final String VIP = "vip";

    /** Industries, most common first (the generator draws them with Zipf weights 1/(k+1)). */
    public static final List<String> SECTORS = List.of(
            "Оптовая торговля", "Розничная торговля", "Строительство", "Производство", "Транспорт и логистика",
            "IT и связь", "Общественное питание", "Сельское хозяйство", "Медицина", "Образование",
            "Финансы", "Недвижимость", "Консалтинг", "Реклама и маркетинг", "Туризм",
            "Энергетика", "Добыча полезных ископаемых", "Химическая промышленность", "Пищевая промышленность",
            "Автосервис", "Красота и здоровье", "Юридические услуги", "Бытовые услуги",
            "Государственный сектор", "Некоммерческие организации");

    private BenchProperties() {
    }

    /** The fixed id of a sector's value-list entry, the same in every run and every database. */
    public static ChoiceId sectorChoice(int sector) {
        return new ChoiceId(UUID.nameUUIDFromBytes(("crmkit-bench-sector:" + SECTORS.get(sector)).getBytes(StandardCharsets.UTF_8)));
    }

    public static List<PropertyDefinition> definitions() {
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < SECTORS.size(); i++) {
            choices.add(new Choice(sectorChoice(i), SECTORS.get(i), false));
        }
        return List.of(
                PropertyDefinition.define(SOURCE, "Откуда узнали о нас", new PropertyType.TextType(200)),
                PropertyDefinition.define(EMPLOYEES, "Численность сотрудников", PropertyType.NumberType.integer().between(1, 1_000_000)),
                PropertyDefinition.define(SECTOR, "Отрасль (справочник)", new PropertyType.ChoiceType(new ValueList(choices))),
                PropertyDefinition.define(CONTRACT_DATE, "Дата договора", new PropertyType.DateType(
                        Optional.of(LocalDate.of(2000, 1, 1)), Optional.of(LocalDate.of(2100, 1, 1)))),
                PropertyDefinition.define(VIP, "Ключевой клиент", new PropertyType.BooleanType()));
    }

    /** Defines the five properties in the Crm's tenant, unless they are there already. */
    public static void define(Crm crm) {
        for (PropertyDefinition definition : definitions()) {
            if (crm.properties().get(definition.key().value()).isEmpty()) {
                crm.properties().define(definition);
            }
        }
    }
}
