package org.crmkit.examples.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import net.datafaker.Faker;
import org.crmkit.common.ClientKind;
import org.crmkit.examples.benchmarks.ClientRow.PersonRow;

/**
 * A fixed, realistic stream of Russian clients: the same seed gives the same clients, row for row.
 *
 * <p>Names, patronymics, streets, postcodes and name roots come from Datafaker's {@code ru} locale,
 * driven by the seeded {@link Random}; the rest is built here, because Datafaker's Russian e-mails
 * are broken and about half its Russian phones are invalid. Phones are {@code +7} numbers of real
 * area and mobile codes whose subscriber part is a permutation of the row number, so no two clients
 * share a phone; INNs carry a region prefix and computed check digits and are unique the same way;
 * e-mails are transliterated names on Russian mail domains. Industries are Zipf-distributed (the
 * commonest in about a quarter of the clients, the rarest in one in a hundred).
 *
 * <p>Not thread-safe: one generator per stream.
 */
public final class Dataset {
    /** The seed of every benchmark run unless {@code --seed} says otherwise. */
    public static final long DEFAULT_SEED = 20_261_127L;

    /** How many clients the permutations keep unique: 3 phones per client within 10^7 numbers. */
    public static final long MAX_CLIENTS = 3_000_000L;

    private static final long MILLION_10 = 10_000_000L;
    private static final long MILLION_100 = 100_000_000L;

    private static final String[][] CITIES = {
            // city, region, landline area code, INN region prefix, weight
            {"Москва", "Москва", "495", "77", "22"},
            {"Москва", "Москва", "499", "77", "8"},
            {"Санкт-Петербург", "Санкт-Петербург", "812", "78", "12"},
            {"Екатеринбург", "Свердловская область", "343", "66", "5"},
            {"Новосибирск", "Новосибирская область", "383", "54", "5"},
            {"Казань", "Республика Татарстан", "843", "16", "5"},
            {"Самара", "Самарская область", "846", "63", "4"},
            {"Ростов-на-Дону", "Ростовская область", "863", "61", "4"},
            {"Краснодар", "Краснодарский край", "861", "23", "4"},
            {"Сочи", "Краснодарский край", "862", "23", "2"},
            {"Нижний Новгород", "Нижегородская область", "831", "52", "4"},
            {"Пермь", "Пермский край", "342", "59", "3"},
            {"Челябинск", "Челябинская область", "351", "74", "3"},
            {"Воронеж", "Воронежская область", "473", "36", "3"},
            {"Красноярск", "Красноярский край", "391", "24", "3"},
            {"Омск", "Омская область", "381", "55", "3"},
            {"Уфа", "Республика Башкортостан", "347", "02", "3"},
            {"Владивосток", "Приморский край", "423", "25", "2"},
    };
    private static final String[] MOBILE_CODES = {
            "900", "901", "902", "903", "904", "905", "906", "908", "909", "910", "911", "912", "913", "914", "915",
            "916", "917", "918", "919", "920", "921", "922", "923", "924", "925", "926", "927", "928", "929", "930",
            "931", "933", "936", "937", "938", "939", "950", "951", "952", "953", "958", "960", "961", "962", "963",
            "964", "965", "966", "967", "968", "977", "978", "980", "981", "982", "983", "984", "985", "987", "988",
            "989", "991", "992", "993", "994", "995", "996", "999"};
    private static final String[] WORDS = {
            "Вектор", "Альянс", "Гранит", "Север", "Восток", "Меридиан", "Ромашка", "Радуга", "Стандарт", "Прогресс",
            "Импульс", "Гарант", "Феникс", "Сфера", "Орион", "Атлант", "Кедр", "Берёза", "Ладога", "Волга",
            "Байкал", "Урал", "Алмаз", "Рубин", "Янтарь", "Титан", "Монолит", "Эталон", "Квант", "Спектр",
            "Горизонт", "Простор", "Зенит", "Полюс", "Магистраль", "Дельта", "Омега", "Сигма", "Лидер", "Партнёр",
            "Надежда", "Успех", "Ёлка", "Форвард", "Перспектива", "Созвездие", "Пик", "Маяк", "Парус", "Светоч"};
    private static final String[] SUFFIXES = {
            "Пром", "Трейд", "Сбыт", "Торг", "Строй", "Сервис", "Логистик", "Инвест", "Маркет", "Групп",
            "Тех", "Снаб", "Мастер", "Проект", "Систем", "Ресурс", "Консалт", "Агро", "Мед", "Энерго"};
    private static final String[][] LEGAL_FORMS = {
            {"ООО", "Общество с ограниченной ответственностью", "80"},
            {"АО", "Акционерное общество", "10"},
            {"ЗАО", "Закрытое акционерное общество", "5"},
            {"ПАО", "Публичное акционерное общество", "2"},
            {"АНО", "Автономная некоммерческая организация", "3"},
    };
    private static final String[] POSITIONS = {
            "Генеральный директор", "Главный бухгалтер", "Бухгалтер", "Менеджер по закупкам", "Коммерческий директор",
            "Директор", "Офис-менеджер", "Юрист", "Руководитель отдела продаж", "Инженер", "Финансовый директор",
            "Специалист по снабжению", "Заместитель директора", "Секретарь"};
    private static final String[] SOURCES = {
            "Выставка «Продэкспо»", "Рекомендация клиента", "Сайт компании", "Холодный звонок", "Яндекс.Директ",
            "Тендер на электронной площадке", "Партнёрская программа", "Входящий звонок", "Рассылка",
            "Отраслевая конференция", "Социальные сети", "Повторное обращение"};
    private static final String[] FREE_MAIL = {"mail.ru", "yandex.ru", "bk.ru", "list.ru", "inbox.ru", "gmail.com", "rambler.ru"};
    private static final String[] COMPANY_TLD = {"ru", "ru", "ru", "com", "net", "su"};
    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final LocalDate EPOCH = LocalDate.of(2010, 1, 1);

    private final Random random;
    private final Faker faker;
    private final int cityWeight;
    private final int formWeight;
    private final double[] sectorCumulative;
    private long number;

    public Dataset(long seed) {
        this.random = new Random(seed);
        this.faker = new Faker(new Locale("ru"), random);
        int sum = 0;
        for (String[] city : CITIES) {
            sum += Integer.parseInt(city[4]);
        }
        this.cityWeight = sum;
        sum = 0;
        for (String[] form : LEGAL_FORMS) {
            sum += Integer.parseInt(form[2]);
        }
        this.formWeight = sum;
        int sectors = BenchProperties.SECTORS.size();
        this.sectorCumulative = new double[sectors];
        double total = 0;
        for (int k = 0; k < sectors; k++) {
            total += 1.0 / (k + 1);
            sectorCumulative[k] = total;
        }
        for (int k = 0; k < sectors; k++) {
            sectorCumulative[k] /= total;
        }
    }

    /** The share of clients the generator puts in a sector (Zipf weights). */
    public static double sectorShare(int sector) {
        double total = 0;
        for (int k = 0; k < BenchProperties.SECTORS.size(); k++) {
            total += 1.0 / (k + 1);
        }
        return 1.0 / (sector + 1) / total;
    }

    /** The next {@code count} clients of the stream. */
    public List<ClientRow> next(int count) {
        List<ClientRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(next());
        }
        return rows;
    }

    /** The next client of the stream; numbers start at 1. */
    public ClientRow next() {
        long n = ++number;
        if (n > MAX_CLIENTS) {
            throw new IllegalStateException("the generator keeps phones and INNs unique for " + MAX_CLIENTS + " clients only");
        }
        String[] city = pick(CITIES, cityWeight, 4);
        int roll = random.nextInt(100);
        ClientKind kind = roll < 70 ? ClientKind.LEGAL_ENTITY : roll < 90 ? ClientKind.SOLE_PROPRIETOR : ClientKind.INDIVIDUAL;
        int sector = sector();

        String shortName;
        Optional<String> fullName;
        String core;
        String email;
        Optional<String> inn;
        Optional<String> kpp = Optional.empty();
        long employees;
        if (kind == ClientKind.LEGAL_ENTITY) {
            core = companyCore();
            String[] form = pick(LEGAL_FORMS, formWeight, 2);
            shortName = form[0] + " «" + core + "»";
            fullName = Optional.of(form[1] + " «" + core + "»");
            email = (random.nextInt(3) == 0 ? "office" : "info") + "@" + domainLabel(core) + "." + COMPANY_TLD[random.nextInt(COMPANY_TLD.length)];
            inn = Optional.of(inn10(city[3], n));
            kpp = Optional.of(inn.get().substring(0, 4) + "01" + String.format("%03d", 1 + random.nextInt(3)));
            employees = Math.max(1, Math.round(Math.exp(random.nextDouble() * Math.log(50_000))));
        } else {
            String[] name = personName();
            core = name[0];
            if (kind == ClientKind.SOLE_PROPRIETOR) {
                shortName = "ИП " + name[0] + " " + name[1].charAt(0) + ". " + name[2].charAt(0) + ".";
                fullName = Optional.of("Индивидуальный предприниматель " + name[0] + " " + name[1] + " " + name[2]);
                inn = Optional.of(inn12(city[3], n));
            } else {
                shortName = name[0] + " " + name[1] + " " + name[2];
                fullName = Optional.empty();
                inn = random.nextBoolean() ? Optional.of(inn12(city[3], n)) : Optional.empty();
            }
            email = Transliteration.of(name[0]) + "." + Transliteration.of(name[1].substring(0, 1))
                    + (10 + random.nextInt(90)) + "@" + FREE_MAIL[random.nextInt(FREE_MAIL.length)];
            employees = 1 + random.nextInt(10);
        }

        String phone = "+7" + city[2] + digits(permute(3 * n, 7_654_321L, 1_234_567L, MILLION_10), 7);
        String mobile = "+7" + MOBILE_CODES[random.nextInt(MOBILE_CODES.length)] + digits(permute(3 * n, 5_882_353L, 4_242_421L, MILLION_10), 7);
        String address = faker.address().zipCode() + ", " + city[1] + (city[1].equals(city[0]) ? "" : ", г. " + city[0])
                + ", " + faker.address().streetAddress() + (random.nextInt(3) == 0 ? "" : ", офис " + (1 + random.nextInt(450)));

        List<PersonRow> persons = new ArrayList<>(2);
        for (int k = 0; k < 2; k++) {
            String[] name = personName();
            String personMobile = "+7" + MOBILE_CODES[random.nextInt(MOBILE_CODES.length)]
                    + digits(permute(3 * n + 1 + k, 5_882_353L, 4_242_421L, MILLION_10), 7);
            persons.add(new PersonRow(name[0], name[1], name[2], POSITIONS[random.nextInt(POSITIONS.length)],
                    personMobile, typed(personMobile)));
        }

        LocalDate registered = EPOCH.plusDays(random.nextInt(16 * 365));
        LocalDate contract = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(11 * 365));
        return new ClientRow(n, kind, shortName, fullName, core, city[1], city[0], sector, inn, kpp, registered,
                phone, typed(phone), mobile, typed(mobile), email, address, SOURCES[random.nextInt(SOURCES.length)],
                employees, contract, random.nextInt(20) == 0, persons);
    }

    /** A phone as people type it: the same number in one of six common formats. */
    String typed(String e164) {
        return typedAs(e164, random.nextInt(6));
    }

    /** The number {@code +7XXXYYYZZWW} in format 0–5: {@code +7 XXX YYY-ZZ-WW}, {@code 8 (XXX) YYY-ZZ-WW}, … */
    public static String typedAs(String e164, int format) {
        String code = e164.substring(2, 5);
        String a = e164.substring(5, 8);
        String b = e164.substring(8, 10);
        String c = e164.substring(10, 12);
        switch (format) {
            case 0:
                return "+7 " + code + " " + a + "-" + b + "-" + c;
            case 1:
                return "8 (" + code + ") " + a + "-" + b + "-" + c;
            case 2:
                return "8" + code + a + b + c;
            case 3:
                return e164;
            case 4:
                return "+7 (" + code + ") " + a + " " + b + " " + c;
            default:
                return "8-" + code + "-" + a + "-" + b + "-" + c;
        }
    }

    private int sector() {
        double u = random.nextDouble();
        for (int k = 0; k < sectorCumulative.length; k++) {
            if (u < sectorCumulative[k]) {
                return k;
            }
        }
        return sectorCumulative.length - 1;
    }

    /** "ВекторСтрой", "Орловская-Трейд", "КазаньПромСнаб", "Гусев и партнёры". */
    private String companyCore() {
        int pattern = random.nextInt(10);
        String root;
        int source = random.nextInt(3);
        if (source == 0) {
            root = WORDS[random.nextInt(WORDS.length)];
        } else if (source == 1) {
            root = faker.address().cityName().replace(" ", "");
        } else {
            root = faker.name().lastName();
        }
        String suffix = SUFFIXES[random.nextInt(SUFFIXES.length)];
        switch (pattern) {
            case 0:
            case 1:
            case 2:
                return root + suffix;
            case 3:
            case 4:
                return root + "-" + suffix;
            case 5:
            case 6:
                return root + suffix + SUFFIXES[random.nextInt(SUFFIXES.length)];
            case 7:
                return root + " и партнёры";
            case 8:
                return "Торговый дом " + root;
            default:
                return root + "-" + (1 + random.nextInt(99));
        }
    }

    private String domainLabel(String core) {
        String latin = Transliteration.of(core.replace(" ", "-"));
        return latin.length() > 40 ? latin.substring(0, 40) : latin;
    }

    /** Surname, first name, patronymic agreeing in gender ("Кузнецова", "Ольга", "Викторовна"). */
    private String[] personName() {
        String[] parts = faker.name().nameWithMiddle().split(" ");
        if (parts.length == 3) {
            return new String[] {parts[2], parts[0], parts[1]};
        }
        return new String[] {faker.name().lastName(), faker.name().firstName(), "Иванович"};
    }

    private <T> T[] pick(T[][] table, int totalWeight, int weightColumn) {
        int roll = random.nextInt(totalWeight);
        for (T[] row : table) {
            roll -= Integer.parseInt(String.valueOf(row[weightColumn]));
            if (roll < 0) {
                return row;
            }
        }
        return table[table.length - 1];
    }

    /** A bijection of [0, modulus): {@code (n * factor + offset) mod modulus}, factor coprime to 10. */
    static long permute(long n, long factor, long offset, long modulus) {
        return Math.floorMod(Math.multiplyExact(n, factor) + offset, modulus);
    }

    private static String digits(long value, int width) {
        String s = Long.toString(value);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    /** A legal entity's INN: region, tax office and number (unique per row), check digit. */
    static String inn10(String region, long n) {
        String base = region + digits(permute(n, 7_654_321L, 31_337L, MILLION_10), 7);
        return base + check(base, INN10);
    }

    /** A person's INN: region, number (unique per row), two check digits. */
    static String inn12(String region, long n) {
        String base = region + digits(permute(n, 76_543_211L, 271_828L, MILLION_100), 8);
        String eleven = base + check(base, INN12_11);
        return eleven + check(eleven, INN12_12);
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11 % 10;
    }
}
