package org.crmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
    @TempDir
    Path dir;

    private String run(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Demo.run(file, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDemoCreatesTheBrochureClientsAndFindsThemAgainAfterARestart() {
        Path file = dir.resolve("crm-demo");
        String first = run(file);
        assertThat(first).contains("New database at")
                .contains("┌ Питерсофт (000000001) — ООО \"Питерсофт\"")
                .contains("Тип отношений: Важный клиент (VIP)")
                .contains("PHONE* +7 903 523-66-45")
                .contains("Контактное лицо: Светикова Светлана Андреевна, связь с 2008-01-01")
                .contains("Количество сотрудников: 5")
                .contains("Интересуется мебелью: Кухонная мебель")
                .contains("Быстрый поиск \"8 903 523-66-45\": Питерсофт (000000001, +7 903 523-66-45)")
                .contains("Быстрый поиск \"000000012\": Прайм-М (000000012)")
                .contains("Быстрый поиск \"AD@ERW.RU\": Алхимов А.А.")
                .contains("Основной договор: № 28 of 2009-12-02 (RUB)")
                .contains("outgoing-call      2011-01-10T12:30  DONE")
                .contains("Воронка продаж \"Продажи кондиционеров\"")
                .containsPattern("Итого, RUB +174621\\.46 +116225\\.76 +58395\\.70")
                .contains("Неделя Алексеев И.Н. с 2011-01-10 по 2011-01-16 (Europe/Moscow)")
                .contains("Планёрка отдела продаж (еженедельно)")
                .contains("DONE: План продаж на неделю согласован")
                .containsPattern("Напоминание на 2011-01-12T09:30 о \"Замер помещения под вентиляцию\".*ACKNOWLEDGED")
                .contains("Повторный запрос: к показу 0 напоминаний.")
                .contains("Передача дел: Петрищев А.Е. уходит, дела принимает Панина Л.Г.")
                .containsPattern("Клиенты +2: Заря, Квадро")
                .containsPattern("Уточнить объем заказа +Заря +DONE +→ Петрищев А\\.Е\\.")
                .contains("Анализ взаимодействий с 2011-09-01 по 2011-09-30")
                .contains("Клиенты без взаимодействий с 2011-09-01 по 2011-09-30")
                .containsPattern("Важный клиент \\(VIP\\) +1\\s+Питерсофт +2010-02-15")
                .contains("One-click POST to the example endpoint (behind the https proxy): 200 — You are unsubscribed")
                .containsPattern("EMAIL +marketing +ad@erw\\.ru +GRANTED \\(DOUBLE_OPT_IN_CONFIRMATION")
                .contains("\"format\" : \"crmkit-consent-proof/1\"")
                .contains("Рассылка \"Сезонная скидка - не пропустите!\": в очереди 2, исключено 2.")
                .contains("SMTP-сервер получил письмо для ad@erw.ru: \"Сезонная скидка - не пропустите!\", Добрый день, Иван!, List-Unsubscribe: есть")
                .contains("Андрей, сезонная скидка на кухонную мебель!")
                .contains("Иваночкин Иван Ильич  INVALID_ADDRESS  wqdqdas@sfgsr wert wert")
                .contains("Захарова Юлия Владимировна  DUPLICATE_ADDRESS  ad@erw.ru")
                .contains("Статистика рассылки: DONE, сообщений 2, отправлено 2, исключено 2")
                .containsPattern("Арендодатель: \\S+  Mailing: ")
                .containsPattern("Алхимов А\\.А\\.: \\S+  Mailing: ")
                .contains("Сегмент \"Кухонная мебель, были на семинаре, согласны на рассылку\" сохранён.")
                .contains("Правило текстом: property \"Интересуется мебелью\" any of (\"Кухонная мебель\")"
                        + " and property \"Посетил наш семинар\" is filled and has consent (email, marketing)")
                .contains("Правило в JSON: {\"format\":\"crmkit-segment-rule/1\"")
                .contains("Разобрано из текста то же правило: true")
                .containsPattern("Клиентов в сегменте: 1\\s+Алхимов А\\.А\\. \\(")
                .containsPattern("Список \"Приглашения на осенний семинар\" снят с сегмента: 1 клиент")
                .contains("Добавлен вручную Прайм-М: да")
                .contains("Добавлен вручную Питерсофт: да")
                .contains("Убран вручную Питерсофт: да")
                .containsPattern("Алхимов А\\.А\\. — добавил abdulov, \\d{4}-")
                .containsPattern("Прайм-М — добавил abdulov, \\d{4}-")
                .contains("Отметка о семинаре у Алхимов А.А. стёрта; в сегменте: 0")
                .contains("Отметка о семинаре у Алхимов А.А. восстановлена; в сегменте: 1")
                .contains("Слушатель получил: вышел из сегмента Алхимов А.А. (abdulov")
                .contains("Слушатель получил: вошёл в сегмент Алхимов А.А. (abdulov");

        String second = run(file);
        assertThat(second).contains("already holds the brochure's clients")
                .contains("Updated the notes of Питерсофт to version 2.")
                .contains("┌ Прайм-М (000000012)")
                .contains("notes")
                .containsPattern("Баев и Ко +A +20338\\.38")
                .contains("Напоминаний к показу нет")
                .contains("Анализ взаимодействий с 2011-09-01 по 2011-09-30")
                .doesNotContain("Передача дел:")
                .contains("200 — You were already unsubscribed")
                .contains("Рассылка \"Сезонная скидка - не пропустите!\" найдена (DONE): повторно не отправляется.")
                .contains("Статистика рассылки: DONE, сообщений 2, отправлено 2, исключено 2")
                .doesNotContain("SMTP-сервер получил")
                .contains("Сегмент \"Кухонная мебель, были на семинаре, согласны на рассылку\" найден (сохранён при прошлом запуске).")
                .contains("Клиентов в сегменте: 1")
                .contains("Список \"Приглашения на осенний семинар\" найден")
                .contains("Добавлен вручную Прайм-М: уже в списке")
                .contains("Убран вручную Питерсофт: да")
                .contains("Слушатель получил: вошёл в сегмент Алхимов А.А. (abdulov");
    }
}
