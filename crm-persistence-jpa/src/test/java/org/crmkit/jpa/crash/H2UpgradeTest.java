package org.crmkit.jpa.crash;

import org.crmkit.criteria.Criterion;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.crmkit.Crm;
import org.crmkit.client.ClientCriterion;
import org.crmkit.jpa.JpaStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Existing users upgrade: a client base written by the H2 release crmkit shipped before
 * ({@code crmkit.h2.previousJar}, copied from the local Maven repository at build time), closed
 * cleanly or left by a killed host, opens with today's {@code JpaStorage.h2(path)} with every
 * client whole, and takes new clients.
 */
class H2UpgradeTest {
    private static final int CLIENTS = 40;
    private static Path dir;
    private static CrashWorkload.Expected expected;

    @BeforeAll
    static void setUp() throws IOException {
        dir = Files.createDirectories(Path.of("target", "crash", "upgrade-" + ProcessHandle.current().pid()));
        expected = new CrashWorkload.Expected();
    }

    @AfterAll
    static void tearDown() {
        expected.close();
        H2CrashTest.deleteTree(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "crash"})
    void aFileWrittenByThePreviousH2OpensWithEveryClient(String ending) throws Exception {
        String previous = System.getProperty("crmkit.h2.previousVersion");
        Path file = dir.resolve("previous-" + ending);
        Map<String, String> written = new LinkedHashMap<>();
        String version = writeWithPreviousH2(file, ending, written);

        assertThat(version).as("H2 that wrote the file").isEqualTo("H2 " + previous);
        assertThat(version).as("H2 that reads it").isNotEqualTo("H2 " + org.h2.engine.Constants.VERSION);
        assertThat(written).hasSize(CLIENTS);
        ClientBaseCheck check = ClientBaseCheck.of(() -> JpaStorage.h2(file), written, expected);
        assertThat(check.whole()).as("%s", check).isTrue();
        assertThat(check.clients()).isEqualTo(CLIENTS);

        try (Crm crm = Crm.builder().storage(JpaStorage.h2(file)).build()) {
            crm.clients().register(CrashWorkload.draft("after-upgrade"));
        }
        try (Crm crm = Crm.builder().storage(JpaStorage.h2(file)).build()) {
            assertThat(crm.clients().count(Criterion.all())).isEqualTo(CLIENTS + 1);
        }
    }

    /** Runs {@link OldH2Writer} on the test class path with the previous H2 jar instead of today's. */
    private static String writeWithPreviousH2(Path file, String ending, Map<String, String> written) throws Exception {
        Path previousJar = Path.of(System.getProperty("crmkit.h2.previousJar"));
        assertThat(previousJar).as("the previous H2 jar (copied by maven-dependency-plugin)").isRegularFile();
        List<String> classPath = new ArrayList<>();
        for (String entry : H2CrashTest.testClassPath()) {
            classPath.add(Path.of(entry).getFileName().toString().matches("h2-[0-9.]+\\.jar") ? previousJar.toString() : entry);
        }
        assertThat(classPath).as("test class path with the H2 jar replaced").contains(previousJar.toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-ea", "-cp", String.join(File.pathSeparator, classPath),
                OldH2Writer.class.getName(), file.toAbsolutePath().toString(), String.valueOf(CLIENTS), ending)
                .redirectError(dir.resolve("previous-" + ending + ".err").toFile()).start();
        String version = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && !line.equals("WRITTEN"); line = in.readLine()) {
                if (line.startsWith("H2 ")) {
                    version = line;
                } else if (line.startsWith("C ")) {
                    String[] parts = line.split(" ");
                    written.put(parts[1], parts[2]);
                }
            }
        } finally {
            if (ending.equals("crash")) {
                process.destroyForcibly();
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the writer ended").isTrue();
        }
        if (ending.equals("close")) {
            assertThat(process.exitValue()).as("exit status of the writer, see %s", dir).isZero();
        }
        return version;
    }
}
