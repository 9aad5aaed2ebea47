package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ContactPersonCriterion;
import org.crmkit.client.NewClient;
import org.crmkit.common.Actor;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.DealCriterion;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.segment.RuleGenerators;
import org.crmkit.segment.json.RuleJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile names and values (quotes, {@code '); DROP TABLE crm_client; --}, comment markers, NUL,
 * bidi and zero-width characters, very long strings) fed through the text and JSON faces of a rule
 * into a real H2 store: each either is refused with a {@link ValidationException} or becomes a rule
 * the store evaluates with its values bound as parameters; the database is unchanged afterwards
 * (the client count, the tables and every table's row count), and a stored hostile value is found
 * by exactly the rule that names it.
 */
class SegmentRuleFuzzTest {
    private static final TenantId TENANT = TenantId.of("fuzz");
    private static Path file;
    private static JpaStorage storage;
    private static Crm crm;
    private static Client dropper;

    @BeforeAll
    static void open() {
        file = TestDatabases.h2File("segment-fuzz");
        storage = JpaStorage.h2(file);
        crm = Crm.builder().storage(storage).actor(Actor.system(TENANT, "fuzz")).build();
        crm.groups().create("'); DROP TABLE crm_client; --", null);
        crm.properties().define(PropertyDefinition.define("activity", "Вид деятельности", new PropertyType.TextType(4000)));
        crm.properties().define(PropertyDefinition.define("interest", "Интересуется \"мебелью\" /* */",
                new PropertyType.ChoiceType(org.crmkit.property.ValueList.empty())));
        crm.properties().addChoice("interest", "'); DELETE FROM crm_client; --");
        dropper = crm.clients().register(NewClient.legalEntity("O'Brien \"Мебель\" /* */"));
        crm.clients().setProperty(dropper.id(), "activity", PropertyValue.text("'); DROP TABLE crm_client; --"));
        crm.clients().register(NewClient.legalEntity("Кухни Юга"));
    }

    @AfterAll
    static void close() {
        crm.close();
        storage.close();
    }

    @Test
    void aStoredHostileValueIsFoundByTheRuleThatNamesItAndByNoOther() {
        Criterion<ClientCriterion> rule = crm.segmentRules().parse("property \"Вид деятельности\" = \"'); DROP TABLE crm_client; --\"");
        assertThat(crm.clients().listAfter(rule, Optional.empty(), 10)).extracting(Client::id).containsExactly(dropper.id());
        assertThat(crm.clients().count(RuleJson.read(RuleJson.write(rule)))).isEqualTo(1);
        assertThat(crm.clients().count(crm.segmentRules().parse("name contains \"o'brien \\\"мебель\\\" /* */\""))).isEqualTo(1);
        assertThat(crm.clients().count(crm.segmentRules().parse("property \"Вид деятельности\" = \"'); DROP TABLE crm_client; -\""))).isZero();
        assertThat(crm.clients().count(crm.segmentRules().parse("group in (\"'); drop table crm_client; --\")"))).isZero();
    }

    @Test
    void hostileNamesAndValuesLeaveTheDatabaseUnchanged() throws SQLException {
        Map<String, Long> before = tables();
        long clients = crm.clients().count(Criterion.all());
        List<String> refused = new ArrayList<>();
        int[] evaluated = {0};
        qt().withExamples(150).forAll(hostile()).checkAssert(s -> {
            for (Supplier<Criterion<ClientCriterion>> reading : readings(s)) {
                Criterion<ClientCriterion> rule;
                try {
                    rule = reading.get();
                } catch (ValidationException e) {
                    refused.add(e.getMessage());
                    continue;
                }
                crm.clients().count(rule);
                crm.clients().listAfter(rule, Optional.empty(), 20);
                evaluated[0]++;
            }
        });
        assertThat(crm.clients().count(Criterion.all())).isEqualTo(clients);
        assertThat(tables()).isEqualTo(before);
        assertThat(evaluated[0]).as("rules that reached the database").isGreaterThan(300);
        assertThat(refused).as("readings refused as bad input").isNotEmpty();
    }

    /** Hostile texts, and random ones with quotes, backslashes and comment markers around them. */
    private static Gen<String> hostile() {
        Gen<String> known = Generate.pick(RuleGenerators.HOSTILE);
        Gen<String> random = strings().allPossible().ofLengthBetween(0, 40);
        Gen<String> wrapped = random.zip(Generate.pick(List.of("'", "\"", "\\", "--", "/*", "*/", ";", "\u0000", "\u202E", "\u200B", "%", "_")),
                (r, w) -> w + r + w);
        Gen<String> long_ = Generate.pick(List.of("'", "\"", "а")).map(c -> c.repeat(70_000));
        return Generate.frequency(List.of(org.quicktheories.api.Pair.of(3, known), org.quicktheories.api.Pair.of(3, random),
                org.quicktheories.api.Pair.of(3, wrapped), org.quicktheories.api.Pair.of(1, long_)));
    }

    /** The ways a text reaches a rule: spliced raw into rule text and JSON, escaped by the printers, and built in Java. */
    private static List<Supplier<Criterion<ClientCriterion>>> readings(String s) {
        List<Supplier<Criterion<ClientCriterion>>> readings = new ArrayList<>();
        for (String text : List.of("name contains \"" + s + "\"", "property \"Вид деятельности\" = \"" + s + "\"",
                "group in (\"" + s + "\")", "property \"" + s + "\" = \"x\"", "has interaction (subject contains \"" + s + "\")",
                "has deal (source = \"" + s + "\") or code = \"" + s + "\"", s)) {
            readings.add(() -> crm.segmentRules().parse(text));
        }
        readings.add(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\",\"rule\":{\"type\":\"name-contains\",\"fragment\":\"" + s + "\"}}"));
        readings.add(() -> RuleJson.read(s));
        for (Supplier<Criterion<ClientCriterion>> java : List.<Supplier<Criterion<ClientCriterion>>>of(
                () -> new ClientCriterion.NameContains(s),
                () -> new ClientCriterion.PropertyEquals(org.crmkit.property.PropertyKey.of("activity"), PropertyValue.text(s)),
                () -> new ClientCriterion.CodeIn(Set.of(ClientCode.of(s))),
                () -> new ClientCriterion.Having<>(ContactPersonCriterion.OF_CLIENT, new ContactPersonCriterion.PositionIs(s)),
                () -> new ClientCriterion.Having<>(InteractionCriterion.OF_CLIENT, new InteractionCriterion.ContentContains(s)),
                () -> new ClientCriterion.Having<>(DealCriterion.OF_CLIENT, new DealCriterion.SourceIs(s)))) {
            readings.add(() -> crm.segmentRules().parse(crm.segmentRules().print(java.get())));
            readings.add(() -> {
                ObjectNode document = RuleJson.tree(java.get());
                return RuleJson.read(document.toString());
            });
        }
        ObjectNode leaf = JsonNodeFactory.instance.objectNode().put("type", "property-equals").put("property", s);
        leaf.putObject("value").put("kind", "text").put("value", s);
        readings.add(() -> RuleJson.read(JsonNodeFactory.instance.objectNode().put("format", RuleJson.FORMAT).set("rule", leaf).toString()));
        return readings;
    }

    /** Every table of the database with its row count. */
    private static Map<String, Long> tables() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(JpaStorage.h2Url(file), "sa", ""); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            for (String name : names) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM \"" + name + "\"")) {
                    r.next();
                    counts.put(name, r.getLong(1));
                }
            }
        }
        assertThat(counts).containsKey("CRM_CLIENT");
        return counts;
    }
}
