package org.crmkit.storage.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.ContactType;
import org.crmkit.client.NewClient;

/**
 * The relevance corpus of quick search (issue 12): a fixed population of clients and, for each
 * promise of the search box, queries with the names it must list first, in this order. The store
 * kit runs it on every storage ({@link QuickSearchContract}); the million-client benchmark runs
 * it on its base too, in a tenant of its own.
 */
public final class SearchCorpus {
    private SearchCorpus() {
    }

    /** One query: what is typed, which promise it checks, and the names the page must start with (none: an empty page). */
    public record Query(String group, String text, List<String> first) {
        Query(String group, String text, String... first) {
            this(group, text, List.of(first));
        }

        /** What is wrong with a page found for this query, if anything. */
        public List<String> failures(List<String> found) {
            List<String> failures = new ArrayList<>();
            if (first.isEmpty() && !found.isEmpty()) {
                failures.add(describe() + " found " + found + ", expected nothing");
            } else if (found.size() < first.size() || !found.subList(0, first.size()).equals(first)) {
                failures.add(describe() + " found " + found.subList(0, Math.min(found.size(), first.size() + 3)) + ", expected to start with "
                        + first);
            }
            if (found.contains(ARCHIVED)) {
                failures.add(describe() + " listed the archived client");
            }
            return failures;
        }

        String describe() {
            return group + " `" + text + "`";
        }
    }

    static final String ARCHIVED = "Архивный Прайм";
    private static final String LONG_EMAIL = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".ru";

    /** Registers the population in the actor's tenant of {@code crm}. */
    public static void load(Crm crm) {
        crm.clients().register(NewClient.legalEntity("ООО «Прайм»").contact(ContactType.PHONE, "+7 495 100-00-01")
                .contact(ContactType.EMAIL, "info@prime.ru"));
        for (int i = 1; i <= 50; i++) {
            crm.clients().register(NewClient.legalEntity(String.format("Прайм-%02d", i)));
        }
        crm.clients().register(NewClient.legalEntity("Торговый дом «Прайм»"));
        // a word starts with the text, but the name sorts before every name that starts with it: tiers, not names, come first
        crm.clients().register(NewClient.legalEntity("Альфа Прайм"));
        crm.clients().register(NewClient.legalEntity("Аберёзка"));
        crm.clients().register(NewClient.legalEntity("Суперпрайм"));
        crm.clients().register(NewClient.legalEntity("АО «Праймер»"));
        crm.clients().register(NewClient.legalEntity("Альфа").fullName("ООО «Прайм Трейд»"));
        crm.clients().register(NewClient.legalEntity("Берёзка"));
        crm.clients().register(NewClient.legalEntity("ООО «Берёзка-Маркет»"));
        crm.clients().register(NewClient.legalEntity("Магазин «Берёзка»"));
        crm.clients().register(NewClient.legalEntity("Подберёзовик"));
        crm.clients().register(NewClient.legalEntity("ЗАО «БЕРЕЗА-ДУБ»"));
        crm.clients().register(NewClient.soleProprietor("ИП Иванов И.И.").contact(ContactType.MOBILE, "+7 916 123-45-67")
                .contact(ContactType.EMAIL, "ivan@prime.ru"));
        crm.clients().register(NewClient.soleProprietor("Иванова И.И."));
        crm.clients().register(NewClient.legalEntity("Иванов и партнёры").contact(ContactType.EMAIL, "ivanov@partners.ru"));
        crm.clients().register(NewClient.legalEntity("ООО «Иванов»").inn("7707083893"));
        crm.clients().register(NewClient.legalEntity("ЗАО «Иванов»"));
        crm.clients().register(NewClient.legalEntity("Romashka Trade").contact(ContactType.EMAIL, "sales@romashka.com"));
        crm.clients().register(NewClient.legalEntity("Ромашка"));
        crm.clients().register(NewClient.legalEntity("ООО \"Янтарь\""));
        crm.clients().register(NewClient.legalEntity("Янтарь-Сервис"));
        crm.clients().register(NewClient.legalEntity("ООО «Ёлка»").contact(ContactType.PHONE, "+7 (812) 555-12-34"));
        crm.clients().register(NewClient.legalEntity("Ёлкин и сын").contact(ContactType.FAX, "+7 921 000 12 34"));
        crm.clients().register(NewClient.legalEntity("Сто процентов 100%"));
        crm.clients().register(NewClient.legalEntity("Дом_книги"));
        crm.clients().register(NewClient.legalEntity("Длинная почта").contact(ContactType.EMAIL, LONG_EMAIL));
        crm.clients().register(NewClient.legalEntity("Пермь-63").contact(ContactType.PHONE, "+7 342 263-45-67"));
        Client archived = crm.clients().register(NewClient.legalEntity(ARCHIVED).contact(ContactType.PHONE, "+7 495 999-45-67")
                .contact(ContactType.EMAIL, "old@prime.ru"));
        crm.clients().archive(archived.id());
    }

    private static final String TIERS = "tiers";
    private static final String WORDS = "words, punctuation, legal forms, layout";
    private static final String PHONES = "phones as typed";
    private static final String NEVER_THROWS = "never throws, e-mail";
    private static final String PLANS = "the store's plan";

    /** The queries, about ten or more for each promise. */
    public static List<Query> queries() {
        return List.of(
                new Query(TIERS, "прайм", "ООО «Прайм»", "Прайм-01", "Прайм-02"),
                new Query(TIERS, "ПРАЙМ", "ООО «Прайм»", "Прайм-01", "Прайм-02"),
                new Query(TIERS, "ПРАЙМ-01", "Прайм-01"),
                new Query(TIERS, "праймер", "АО «Праймер»"),
                new Query(TIERS, "берёзка", "Берёзка", "ООО «Берёзка-Маркет»", "Магазин «Берёзка»", "Аберёзка"),
                new Query(TIERS, "березк", "Берёзка", "ООО «Берёзка-Маркет»", "Магазин «Берёзка»"),
                new Query(TIERS, "берез", "ЗАО «БЕРЕЗА-ДУБ»", "Берёзка", "ООО «Берёзка-Маркет»", "Магазин «Берёзка»", "Аберёзка",
                        "Подберёзовик"),
                new Query(TIERS, "ерёз", "Аберёзка", "ЗАО «БЕРЕЗА-ДУБ»", "Берёзка", "ООО «Берёзка-Маркет»", "Магазин «Берёзка»", "Подберёзовик"),
                new Query(TIERS, "прайм трейд", "Альфа"),
                new Query(TIERS, "суперпрайм", "Суперпрайм"),
                new Query(TIERS, "иванов", "ЗАО «Иванов»", "ООО «Иванов»", "ИП Иванов И.И.", "Иванов и партнёры", "Иванова И.И."),
                new Query(TIERS, "дом", "Дом_книги", "Торговый дом «Прайм»"),

                new Query(WORDS, "ООО Прайм", "ООО «Прайм»", "Прайм-01"),
                new Query(WORDS, "ооо \"прайм\"", "ООО «Прайм»", "Прайм-01"),
                new Query(WORDS, "берёза дуб", "ЗАО «БЕРЕЗА-ДУБ»"),
                new Query(WORDS, "БЕРЕЗА  ДУБ", "ЗАО «БЕРЕЗА-ДУБ»"),
                new Query(WORDS, "береза-ду", "ЗАО «БЕРЕЗА-ДУБ»"),
                new Query(WORDS, "Иванов И. И.", "ИП Иванов И.И."),
                new Query(WORDS, "иванов и.и.", "ИП Иванов И.И."),
                new Query(WORDS, "ЗАО Иванов", "ЗАО «Иванов»", "Иванов и партнёры", "Иванова И.И."),
                new Query(WORDS, "ИП Иванов", "ИП Иванов И.И.", "Иванов и партнёры", "Иванова И.И."),
                new Query(WORDS, "ghfqv", "ООО «Прайм»", "Прайм-01"),
                new Query(WORDS, "ООО \"Янтарь\"", "ООО \"Янтарь\"", "Янтарь-Сервис"),
                new Query(WORDS, "ООО «Янтарь»", "ООО \"Янтарь\"", "Янтарь-Сервис"),
                new Query(WORDS, "кщьфырлф", "Romashka Trade"),
                new Query(WORDS, "hjvfirf", "Ромашка"),
                new Query(WORDS, "ООО", "Альфа", "ООО «Берёзка-Маркет»", "ООО «Ёлка»", "ООО «Иванов»"),

                new Query(PHONES, "+7 916 123-45-67", "ИП Иванов И.И."),
                new Query(PHONES, "8\u00A0(916)\u00A0123\u00A045\u00A067", "ИП Иванов И.И."),
                new Query(PHONES, "+7\u2009916\u2009123\u200945\u200967", "ИП Иванов И.И."),
                new Query(PHONES, "８９１６１２３４５６７", "ИП Иванов И.И."),
                new Query(PHONES, "+7-916-123-4567", "ИП Иванов И.И."),
                new Query(PHONES, "+7 916 123\u201145\u201167", "ИП Иванов И.И."),
                new Query(PHONES, "4567", "ИП Иванов И.И.", "Пермь-63"),
                new Query(PHONES, "34567", "ИП Иванов И.И.", "Пермь-63"),
                new Query(PHONES, "234567", "ИП Иванов И.И."),
                new Query(PHONES, "1234567", "ИП Иванов И.И."),
                new Query(PHONES, "45 67", "ИП Иванов И.И.", "Пермь-63"),
                new Query(PHONES, "5-12-34", "ООО «Ёлка»"),
                new Query(PHONES, "1234", "Ёлкин и сын", "ООО «Ёлка»"),
                new Query(PHONES, "63", "Пермь-63"),

                new Query(NEVER_THROWS, "ivan@", "ИП Иванов И.И."),
                new Query(NEVER_THROWS, "ivan"),
                new Query(NEVER_THROWS, "@prime.ru", "ИП Иванов И.И.", "ООО «Прайм»"),
                new Query(NEVER_THROWS, "@PRIME.RU", "ИП Иванов И.И.", "ООО «Прайм»"),
                new Query(NEVER_THROWS, "@"),
                new Query(NEVER_THROWS, "iv@n@"),
                new Query(NEVER_THROWS, "770708"),
                new Query(NEVER_THROWS, "7707083893", "ООО «Иванов»"),
                new Query(NEVER_THROWS, "x".repeat(300)),
                new Query(NEVER_THROWS, "   "),
                new Query(NEVER_THROWS, LONG_EMAIL, "Длинная почта"),
                new Query(NEVER_THROWS, LONG_EMAIL.toUpperCase(java.util.Locale.ROOT), "Длинная почта"),
                new Query(NEVER_THROWS, "Info@Prime.RU", "ООО «Прайм»"),
                new Query(NEVER_THROWS, "sales@romashka", "Romashka Trade"),
                new Query(NEVER_THROWS, "прайм\u202E"),

                new Query(PLANS, "100%", "Сто процентов 100%"),
                new Query(PLANS, "%"),
                new Query(PLANS, "_"),
                new Query(PLANS, "дом_книги", "Дом_книги"),
                new Query(PLANS, "торговый дом «прайм»", "Торговый дом «Прайм»"),
                new Query(PLANS, "дом прайм", "Торговый дом «Прайм»"),
                new Query(PLANS, "прайм ", "ООО «Прайм»", "Прайм-01"),
                new Query(PLANS, "альфа", "Альфа", "Альфа Прайм"),
                new Query(PLANS, "и партнёры", "Иванов и партнёры"),
                new Query(PLANS, "и и", "ИП Иванов И.И.", "Иванова И.И."),
                new Query(PLANS, "прайм 0", "Прайм-01", "Прайм-02", "Прайм-03", "Прайм-04", "Прайм-05", "Прайм-06", "Прайм-07",
                        "Прайм-08", "Прайм-09"),
                new Query(PLANS, "архивный"),
                new Query(PLANS, "прайм-5", "Прайм-50"));
    }

    /** The names a search lists, in order. */
    public static List<String> names(List<ClientSummary> found) {
        return found.stream().map(ClientSummary::shortName).collect(Collectors.toList());
    }

    /** Runs every query on {@code crm} (the population loaded) and returns what is wrong; empty if nothing. */
    public static List<String> check(Crm crm) {
        List<String> failures = new ArrayList<>();
        for (Query query : queries()) {
            try {
                failures.addAll(query.failures(names(crm.clients().search(query.text()))));
            } catch (RuntimeException e) {
                failures.add(query.describe() + " threw " + e);
            }
        }
        return failures;
    }
}
