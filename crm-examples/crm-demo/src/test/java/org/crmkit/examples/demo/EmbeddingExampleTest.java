package org.crmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientEvent;
import org.crmkit.client.RelationshipType;
import org.crmkit.common.Actor;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.jpa.JpaStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding snippet is this module's {@link EmbeddingExample}, word for word, and it runs. */
class EmbeddingExampleTest {
    private static final Path SOURCE = Path.of("src/main/java/org/crmkit/examples/demo/EmbeddingExample.java");
    private static final Path README = Path.of("../../README.md");

    @TempDir
    Path dir;

    @Test
    void theSnippetRegistersFindsAndChangesAClientThatIsThereAfterARestart() {
        List<DomainEvent> published = new ArrayList<>();

        Client card = EmbeddingExample.embed(dir, EmbeddingExample.erpUsers(), "veterok", () -> "alekseev", published::add);

        assertThat(card.shortName()).isEqualTo("Питерсофт");
        assertThat(card.relationship()).contains(RelationshipType.VIP);
        assertThat(card.manager()).contains(EmployeeId.of("alekseev"));
        assertThat(published).hasSize(2).first().isInstanceOf(ClientEvent.ClientRegistered.class);
        assertThat(published.get(1)).isInstanceOf(ClientEvent.ClientChanged.class);
        try (Crm reopened = Crm.builder().storage(JpaStorage.h2(dir.resolve("crm")))
                .actor(Actor.employee(TenantId.of("veterok"), EmployeeId.of("panina"))).build()) {
            assertThat(reopened.clients().get(card.id()).manager()).contains(EmployeeId.of("panina"));
        }
    }

    @Test
    void theMainRunsOnH2InATemporaryDirectoryAndRemovesIt() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        Matcher where = Pattern.compile("Registered, found and changed Питерсофт \\(000000001\\) in (.+);").matcher(out);
        assertThat(where.find()).as(out).isTrue();
        assertThat(Path.of(where.group(1))).doesNotExist();
        assertThat(out).contains("published after commit: ClientRegistered").contains("published after commit: ClientChanged");
    }

    @Test
    void theReadmeQuotesTheExampleExactly() throws IOException {
        String source = Files.readString(SOURCE);
        List<String> expected = new ArrayList<>(region(source, "imports"));
        expected.add("");
        expected.addAll(dedented(region(source, "snippet")));

        String readme = Files.readString(README);
        String section = readme.substring(readme.indexOf("## Embed it in your application"));
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(block.find()).isTrue();

        assertThat(block.group(1).lines().collect(Collectors.toList())).isEqualTo(expected);
    }

    /** The lines between {@code // README begin: <name>} and the next {@code // README end}. */
    private static List<String> region(String source, String name) {
        List<String> lines = source.lines().collect(Collectors.toList());
        int begin = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("// README begin: " + name)) {
                begin = i + 1;
            } else if (begin >= 0 && lines.get(i).trim().equals("// README end")) {
                return lines.subList(begin, i);
            }
        }
        throw new AssertionError("no README region " + name + " in " + SOURCE);
    }

    private static List<String> dedented(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.toList());
    }
}
