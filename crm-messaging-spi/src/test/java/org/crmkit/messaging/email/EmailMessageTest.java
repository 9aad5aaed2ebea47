package org.crmkit.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.crmkit.messaging.InvalidMessageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailMessageTest {

    private static EmailMessage.Builder valid() {
        return EmailMessage.builder()
                .idempotencyKey("mailing-7/client-42")
                .from(Mailbox.of("shop@example.ru", "Магазин «Ромашка»"))
                .to(Mailbox.of("ivan@example.ru", "Иван Петров"))
                .subject("Скидки недели")
                .text("Здравствуйте, Иван!");
    }

    @Test
    void buildsAValidMessageWithHeadersInOrder() {
        EmailMessage message = valid()
                .html("<p>Здравствуйте</p>")
                .replyTo(Mailbox.of("support@example.ru"))
                .header("List-Unsubscribe", "<https://example.ru/u/42>")
                .header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .attach(new Attachment("Счёт.pdf", "application/pdf", new byte[] {1, 2, 3}))
                .build();

        assertThat(message.headers().keySet()).containsExactly("List-Unsubscribe", "List-Unsubscribe-Post");
        assertThat(message.header("list-unsubscribe-post")).isEqualTo(Optional.of("List-Unsubscribe=One-Click"));
        assertThat(message.from().displayName()).isEqualTo(Optional.of("Магазин «Ромашка»"));
        assertThat(message.attachments()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello\r\nBcc: victim@example.com", "Hello\nthere", "Hello\rthere"})
    void rejectsLineBreaksInTheSubject(String subject) {
        assertThatThrownBy(() -> valid().subject(subject).build())
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> {
                    assertThat(e.field()).isEqualTo("subject");
                    assertThat(e.value()).isEqualTo(subject);
                })
                .hasMessageContaining("header injection");
    }

    @Test
    void rejectsLineBreaksInHeaderValuesNamesAndDisplayNames() {
        assertThatThrownBy(() -> valid().header("List-Unsubscribe", "<https://x>\r\nBcc: a@b.c").build())
                .isInstanceOfSatisfying(InvalidMessageException.class,
                        e -> assertThat(e.field()).isEqualTo("header List-Unsubscribe"))
                .hasMessageContaining("\\r\\nBcc");
        assertThatThrownBy(() -> valid().header("X-Bad\r\nBcc", "x").build())
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("headers"));
        assertThatThrownBy(() -> Mailbox.of("a@b.c", "Ivan\nBcc: x@y.z"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("displayName"));
    }

    @Test
    void rejectsHeadersThatTheFieldsProduceAndDuplicates() {
        assertThatThrownBy(() -> valid().header("Subject", "other").build())
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.value()).isEqualTo("Subject"))
                .hasMessageContaining("use the builder's field");
        assertThatThrownBy(() -> valid().header("message-id", "<x@y>").build()).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> valid().header("X-Tag", "a").header("x-tag", "b"))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> valid().header("Bad Name", "a").build()).hasMessageContaining("RFC 5322");
    }

    @Test
    void rejectsAMessageWithoutABody() {
        assertThatThrownBy(() -> valid().text(null).build())
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("text"))
                .hasMessageContaining("needs a body");
        assertThatThrownBy(() -> valid().text("  ").html("").build()).hasMessageContaining("needs a body");
        assertThat(valid().text(null).html("<p>only html</p>").build().html()).contains("<p>only html</p>");
    }

    @Test
    void rejectsMissingSenderRecipientsAndKey() {
        assertThatThrownBy(() -> EmailMessage.builder().idempotencyKey("k").to(Mailbox.of("a@b.c")).text("x").build())
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> EmailMessage.builder().idempotencyKey("k").from(Mailbox.of("a@b.c")).text("x").build())
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> valid().idempotencyKey(" ").build())
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ivan", "@example.ru", "ivan@", "iv an@example.ru", "a@b@c", "<ivan@example.ru>", "a@b.c, d@e.f"})
    void rejectsAddressesThatAreNotAddresses(String address) {
        assertThatThrownBy(() -> Mailbox.of(address))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> {
                    assertThat(e.field()).isEqualTo("address");
                    assertThat(e.value()).isEqualTo(address);
                })
                .hasMessageContaining("\"" + address + "\"");
    }

    @Test
    void messageIdIsDeterministicInTheIdempotencyKey() {
        EmailMessage first = valid().build();
        EmailMessage again = valid().subject("resubmitted").build();
        EmailMessage other = valid().idempotencyKey("mailing-7/client-43").build();

        assertThat(first.messageId("mail.example.ru")).matches("<[0-9a-f]{32}@mail\\.example\\.ru>");
        assertThat(again.messageId("mail.example.ru")).isEqualTo(first.messageId("mail.example.ru"));
        assertThat(other.messageId("mail.example.ru")).isNotEqualTo(first.messageId("mail.example.ru"));
        assertThatThrownBy(() -> first.messageId("bad domain>"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("domain"));
    }

    @Test
    void attachmentsAreImmutableAndCompareByContent() {
        byte[] bytes = "Итого".getBytes(StandardCharsets.UTF_8);
        Attachment attachment = new Attachment("Счёт №42.txt", "text/plain; charset=UTF-8", bytes);
        bytes[0] = 0;
        attachment.content()[1] = 0;

        assertThat(new String(attachment.content(), StandardCharsets.UTF_8)).isEqualTo("Итого");
        assertThat(attachment).isEqualTo(new Attachment("Счёт №42.txt", "text/plain; charset=UTF-8",
                "Итого".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new Attachment("../etc/passwd", "text/plain", bytes))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("fileName"));
        assertThatThrownBy(() -> new Attachment("a.txt", "text", bytes))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("contentType"));
    }
}
