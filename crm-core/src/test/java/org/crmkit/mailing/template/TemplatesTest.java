package org.crmkit.mailing.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.client.Client;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.PersonName;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.ValidationException;
import org.crmkit.employee.Employee;
import org.crmkit.messaging.sms.SmsEncoding;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.junit.jupiter.api.Test;

/**
 * Templates as the brochure's seasonal-discount e-mail uses them, and every template a user may
 * get wrong: refused when built, naming the field, the tag and where it is.
 */
class TemplatesTest {
    /** The brochure's e-mail ("Сезонная скидка - не пропустите!"), personalised by the person's first name. */
    static final String BROCHURE_SUBJECT = "Сезонная скидка - не пропустите!";
    static final String BROCHURE_TEXT = "Добрый день, {{person.firstName}}!\n\n"
            + "Только в течение сентября действует скидка 30 % на все товары! Спешите, количество товаров ограничено!\n\n"
            + "С Уважением,\nКомпания \"Все для дома\".\nтел. (495) 250-63-84\n{{#sender}}{{sender.name}}{{/sender}}";
    static final String BROCHURE_HTML = "<p>Добрый день, {{person.firstName}}!</p><p>Только в течение сентября действует скидка 30 %"
            + " на все товары!</p>";

    private static final PropertyDefinition DISCOUNT = PropertyDefinition.define("discount", "Скидка", new PropertyType.TextType(100));
    private static final TemplateVocabulary VOCABULARY = TemplateVocabulary.withProperties(Set.of(PropertyKey.of("discount")));

    private final Client client = Client.register(new ClientId(java.util.UUID.randomUUID()), ClientCode.of("00017"), ClientKind.INDIVIDUAL, "Иваночкин",
            LocalDate.of(2009, 12, 2));
    private final ContactPerson ivan = ContactPerson.create(new ContactPersonId(java.util.UUID.randomUUID()), client.id(), PersonName.of("Иваночкин", "Иван", "Ильич"));
    private final Employee sender = Employee.of("panina", "Панина Л.Г.", "sales");

    @Test
    void theBrochureEmailGreetsIvanByName() {
        EmailTemplate template = EmailTemplate.of(VOCABULARY, BROCHURE_SUBJECT, BROCHURE_TEXT, BROCHURE_HTML);

        RenderedEmail email = template.render(Personalisation.of(client, Optional.of(ivan), Optional.of(sender)));

        assertThat(email.subject()).isEqualTo("Сезонная скидка - не пропустите!");
        assertThat(email.textBody()).startsWith("Добрый день, Иван!\n\nТолько в течение сентября").endsWith("250-63-84\nПанина Л.Г.");
        assertThat(email.textBody()).contains("Компания \"Все для дома\"");
        assertThat(email.htmlBody()).contains("<p>Добрый день, Иван!</p><p>Только в течение сентября действует скидка 30 % на все товары!</p>");
        assertThat(template.textBody().variables()).containsExactlyInAnyOrder("person.firstName", "sender", "sender.name");
    }

    @Test
    void clientVariablesPropertiesAndSectionsRender() {
        Client withDiscount = client.withFullName("Иваночкин Иван Ильич").setProperty(DISCOUNT, PropertyValue.text("30 %"));
        EmailTemplate template = EmailTemplate.of(VOCABULARY, "{{client.shortName}}: {{client.properties.discount}}",
                "{{client.code}} {{client.fullName}}{{#person}} / {{person.fullName}}{{/person}}{{^person}} (без контакта){{/person}}"
                        + " — {{recipient.name}}", null);

        RenderedEmail toClient = template.render(Personalisation.of(withDiscount, Optional.empty(), Optional.empty()));
        RenderedEmail toIvan = template.render(Personalisation.of(withDiscount, Optional.of(ivan), Optional.empty()));

        assertThat(toClient.subject()).isEqualTo("Иваночкин: 30 %");
        assertThat(toClient.textBody()).isEqualTo("00017 Иваночкин Иван Ильич (без контакта) — Иваночкин");
        assertThat(toIvan.textBody()).isEqualTo("00017 Иваночкин Иван Ильич / Иваночкин Иван Ильич — Иваночкин Иван Ильич");
        assertThat(toClient.htmlBody()).isEmpty();
    }

    @Test
    void valuesWithTemplateSyntaxOrHtmlAreInert() {
        Client tricky = Client.register(new ClientId(java.util.UUID.randomUUID()), ClientCode.of("X-1"), ClientKind.LEGAL_ENTITY,
                "<b>Альфа</b> & {{client.code}} {{> evil}}", LocalDate.of(2024, 1, 1))
                .setProperty(DISCOUNT, PropertyValue.text("{{{sender.name}}} \"5\" <script>"));
        EmailTemplate template = EmailTemplate.of(VOCABULARY, "Для {{client.shortName}}", "{{client.shortName}} {{client.properties.discount}}",
                "<p>{{client.shortName}} {{client.properties.discount}}</p>");

        RenderedEmail email = template.render(Personalisation.of(tricky, Optional.empty(), Optional.of(sender)));

        assertThat(email.subject()).isEqualTo("Для <b>Альфа</b> & {{client.code}} {{> evil}}");
        assertThat(email.textBody()).isEqualTo("<b>Альфа</b> & {{client.code}} {{> evil}} {{{sender.name}}} \"5\" <script>");
        assertThat(email.htmlBody()).contains("<p>&lt;b&gt;Альфа&lt;/b&gt; &amp; {{client.code}} {{&gt; evil}} {{{sender.name}}} &quot;5&quot; &lt;script&gt;</p>");
    }

    @Test
    void aValueWithALineBreakStaysOnTheSubjectLine() {
        Client multi = client.setProperty(PropertyDefinition.define("discount", "Скидка", new PropertyType.TextType(100)),
                PropertyValue.text("30 %\r\nBcc: x@y.ru"));
        EmailTemplate template = EmailTemplate.of(VOCABULARY, "Скидка {{client.properties.discount}}", "x", null);

        String subject = template.render(Personalisation.of(multi, Optional.empty(), Optional.empty())).subject();

        assertThat(subject).doesNotContain("\r").doesNotContain("\n").startsWith("Скидка 30 %");
    }

    @Test
    void anUnknownVariableIsRefusedNamingItAndWhere() {
        assertThatThrownBy(() -> EmailTemplate.of(VOCABULARY, BROCHURE_SUBJECT, "Добрый день,\n  {{person.frstName}}!", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("textBody");
                    assertThat(e.rejectedValue()).isEqualTo("person.frstName");
                    assertThat(e.getMessage()).contains("line 2, column 3").contains("person.firstName");
                });
        assertThatThrownBy(() -> EmailTemplate.of(VOCABULARY, "{{client.properties.colour}}", "x", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("subject");
                    assertThat(e.rejectedValue()).isEqualTo("client.properties.colour");
                });
        assertThatThrownBy(() -> SmsTemplate.of(TemplateVocabulary.standard(), "{{client.properties.discount}}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("text"));
        assertThatThrownBy(() -> EmailTemplate.of(VOCABULARY, "x", "y", "{{#nobody}}z{{/nobody}}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("htmlBody");
                    assertThat(e.rejectedValue()).isEqualTo("nobody");
                });
        assertThatThrownBy(() -> EmailTemplate.of(VOCABULARY, "x", "{{ client shortName }}", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("textBody"));
        assertThatThrownBy(() -> EmailTemplate.of(VOCABULARY, "x", "{{.}}", null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void partialsUnescapedOutputAndDelimiterChangesAreRefused() {
        for (String body : List.of("{{> footer}}", "{{{person.firstName}}}", "{{& person.firstName}}", "{{=<% %>=}}")) {
            assertThatThrownBy(() -> EmailTemplate.of(VOCABULARY, "x", "Привет, " + body, null))
                    .as(body).isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("textBody");
                        assertThat(e.getMessage()).contains("line 1, column 9");
                    });
        }
    }

    @Test
    void unbalancedSectionsAreRefusedWithThePosition() {
        assertThatThrownBy(() -> EmailTemplate.of(VOCABULARY, "x", "a\n{{#person}}b", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                        .contains("person").contains("line 2, column 1").contains("never closed"));
        assertThatThrownBy(() -> EmailTemplate.of(VOCABULARY, "x", "{{#person}}{{#sender}}b{{/person}}{{/sender}}", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                        .contains("closes section 'person' (at line 1, column 24)").contains("'sender' opened at line 1, column 12"));
        assertThatThrownBy(() -> EmailTemplate.of(VOCABULARY, "x", "b{{/person}}", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("not open"));
        assertThatThrownBy(() -> EmailTemplate.of(VOCABULARY, "x", "Добрый день, {{person.firstName", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("never closed with }}"));
    }

    @Test
    void aSubjectIsOneLine() {
        for (String subject : List.of("Сезонная скидка\r\nBcc: all@x.ru", "Сезонная\nскидка", "Сезонная\rскидка")) {
            assertThatThrownBy(() -> EmailTemplate.of(VOCABULARY, subject, "x", null))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("subject");
                        assertThat(e.getMessage()).contains("line break");
                    });
        }
        assertThatThrownBy(() -> EmailTemplate.of(VOCABULARY, " ", "x", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("subject"));
        assertThatThrownBy(() -> EmailTemplate.of(VOCABULARY, "x".repeat(EmailTemplate.SUBJECT_MAX + 1), "x", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("subject"));
    }

    @Test
    void anSmsShowsItsEncodingAndParts() {
        SmsTemplate latin = SmsTemplate.of(VOCABULARY, "Skidka 30% do 30.09, {{person.firstName}}");
        SmsTemplate cyrillic = SmsTemplate.of(VOCABULARY, "{{person.firstName}}, скидка 30 % на все товары до конца сентября! "
                + "Спешите, количество товаров ограничено. Компания \"Все для дома\"");
        Personalisation toIvan = Personalisation.of(client, Optional.of(ivan), Optional.empty());
        ContactPerson john = ContactPerson.create(new ContactPersonId(java.util.UUID.randomUUID()), client.id(), PersonName.of("Smith", "John", null));

        RenderedSms ucs = latin.render(toIvan);
        RenderedSms gsm = latin.render(Personalisation.of(client, Optional.of(john), Optional.empty()));
        RenderedSms twoParts = cyrillic.render(toIvan);

        assertThat(ucs.text()).isEqualTo("Skidka 30% do 30.09, Иван");
        assertThat(ucs.parts().encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(gsm.parts().encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(gsm.parts().count()).isEqualTo(1);
        assertThat(twoParts.parts().encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(twoParts.text().length()).isGreaterThan(70);
        assertThat(twoParts.parts().count()).isEqualTo(2);
        assertThatThrownBy(() -> SmsTemplate.of(VOCABULARY, "x".repeat(SmsTemplate.TEXT_MAX + 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("text"));
    }

    @Test
    void aPersonOfAnotherClientIsRefused() {
        ContactPerson stranger = ContactPerson.create(new ContactPersonId(java.util.UUID.randomUUID()), new ClientId(java.util.UUID.randomUUID()), PersonName.of("Чужой", null, null));
        assertThatThrownBy(() -> Personalisation.of(client, Optional.of(stranger), Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("person"));
    }

    @Test
    void theVocabularyListsItsNames() {
        assertThat(VOCABULARY.names()).startsWith("client.shortName").endsWith("client.properties.discount");
        assertThat(VOCABULARY.knows("client.properties.discount")).isTrue();
        assertThat(TemplateVocabulary.standard().knows("client.properties.discount")).isFalse();
        assertThat(VOCABULARY.knowsSection("person")).isTrue();
        assertThat(VOCABULARY.knows("person")).isFalse();
    }
}
