package org.crmkit.segment;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.ClientGroupId;
import org.crmkit.deal.PipelineId;
import org.crmkit.deal.StageId;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyType;
import org.crmkit.property.ValueList;
import org.crmkit.survey.TemplateId;

/** A tenant's schema for rule tests: properties of every type, groups, relationship types, pipelines, stages, templates. */
public final class SegmentSamples {
    public static final ChoiceId KITCHEN = choice(1);
    public static final ChoiceId OFFICE = choice(2);
    public static final ChoiceId PARTS = choice(3);
    public static final ValueList FURNITURE = ValueList.empty().add(KITCHEN, "Кухонная мебель").add(OFFICE, "Офисная мебель")
            .add(PARTS, "Комплектующие \"Люкс\"");

    public static final PropertyKey INTEREST = PropertyKey.of("interest");
    public static final PropertyKey INTERESTS = PropertyKey.of("interests");
    public static final PropertyKey ACTIVITY = PropertyKey.of("activity");
    public static final PropertyKey STAFF = PropertyKey.of("staff");
    public static final PropertyKey TURNOVER = PropertyKey.of("turnover");
    public static final PropertyKey SEMINAR = PropertyKey.of("seminar");
    public static final PropertyKey COMPETITOR = PropertyKey.of("competitor");
    public static final PropertyKey ACCOUNT = PropertyKey.of("account-manager");
    public static final PropertyKey PARENT = PropertyKey.of("parent");

    public static final List<ClientGroupId> GROUPS = List.of(group(1), group(2), group(3));
    public static final List<String> GROUP_NAMES = List.of("Покупатели", "Поставщики", "Дилеры (опт) 'Юг'");
    public static final List<RelationshipTypeId> RELATIONSHIPS = List.of(RelationshipTypeId.of("client"), RelationshipTypeId.of("partner"));
    public static final List<String> RELATIONSHIP_NAMES = List.of("Клиент", "Партнёр");
    public static final PipelineId SALES = new PipelineId(uuid("0000000000a1"));
    public static final PipelineId SERVICE = new PipelineId(uuid("0000000000a2"));
    public static final List<StageId> STAGES = List.of(new StageId(uuid("0000000000b1")), new StageId(uuid("0000000000b2")),
            new StageId(uuid("0000000000b3")));
    public static final TemplateId NPS = new TemplateId(uuid("0000000000c1"));

    public static final RuleNames NAMES = RuleNames.builder()
            .property(INTEREST, "Интересуется мебелью", new PropertyType.ChoiceType(FURNITURE))
            .property(INTERESTS, "Интересы", new PropertyType.MultiChoiceType(FURNITURE))
            .property(ACTIVITY, "Вид деятельности", new PropertyType.TextType(200))
            .property(STAFF, "Число сотрудников", new PropertyType.NumberType(2, Optional.empty(), Optional.empty()))
            .property(TURNOVER, "Оборот", new PropertyType.MoneyType(Currency.getInstance("RUB"), Optional.empty(), Optional.empty()))
            .property(SEMINAR, "Дата семинара", new PropertyType.DateType(Optional.empty(), Optional.empty()))
            .property(COMPETITOR, "Конкурент", new PropertyType.BooleanType())
            .property(ACCOUNT, "Аккаунт-менеджер", new PropertyType.EmployeeRefType())
            .property(PARENT, "Головная компания", new PropertyType.ClientRefType())
            .group(GROUPS.get(0), GROUP_NAMES.get(0)).group(GROUPS.get(1), GROUP_NAMES.get(1)).group(GROUPS.get(2), GROUP_NAMES.get(2))
            .relationship(RELATIONSHIPS.get(0), RELATIONSHIP_NAMES.get(0)).relationship(RELATIONSHIPS.get(1), RELATIONSHIP_NAMES.get(1))
            .pipeline(SALES, "Продажи").pipeline(SERVICE, "Сервис")
            .stage(SALES, STAGES.get(0), "Переговоры").stage(SALES, STAGES.get(1), "Счёт выставлен").stage(SERVICE, STAGES.get(2), "Переговоры")
            .template(NPS, "Опрос NPS")
            .build();

    private SegmentSamples() {
    }

    private static ChoiceId choice(int n) {
        return new ChoiceId(uuid("00000000f00" + n));
    }

    private static ClientGroupId group(int n) {
        return new ClientGroupId(uuid("00000000d00" + n));
    }

    private static UUID uuid(String tail) {
        return UUID.fromString("00000000-0000-7000-8000-" + tail);
    }
}
