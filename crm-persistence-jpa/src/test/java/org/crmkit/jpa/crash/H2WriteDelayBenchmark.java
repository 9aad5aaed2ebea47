package org.crmkit.jpa.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.Crm;
import org.crmkit.client.NewClient;
import org.junit.jupiter.api.Test;

/**
 * What {@code WRITE_DELAY=0} (every commit written to the file before it returns, the embedded
 * default) costs against H2's own default of 500 ms (commits written by a background thread, lost
 * when the host is killed): registering clients one per unit of work, and in batches of 100, on the
 * H2 release on the class path. Rounds alternate between the two settings on fresh files.
 * Not part of {@code mvn verify}; run it with
 * {@code mvn -pl crm-persistence-jpa -am test -Dtest=H2WriteDelayBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the figures go to {@code target/crash-reports/write-delay-benchmark.txt}.
 */
class H2WriteDelayBenchmark {
    private static final int ROUNDS = 3;
    private static final int SINGLE = 500;
    private static final int BATCHES = 20;
    private static final int BATCH = 100;

    @Test
    void writeDelayZeroAgainstH2sDefault() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "crash", "benchmark-" + ProcessHandle.current().pid()));
        String[] settings = {";WRITE_DELAY=0", ";WRITE_DELAY=500"};
        long[][] nanos = new long[2][2];
        long[] bytes = new long[2];
        try {
            round(dir, "warmup", settings[0], new long[2], new long[1]);
            round(dir, "warmup", settings[1], new long[2], new long[1]);
            for (int r = 0; r < ROUNDS; r++) {
                for (int s = 0; s < 2; s++) {
                    long[] size = new long[1];
                    round(dir, "r" + r, settings[s], nanos[s], size);
                    bytes[s] += size[0];
                }
            }
        } finally {
            H2CrashTest.deleteTree(dir);
        }
        StringBuilder report = new StringBuilder("H2 " + org.h2.engine.Constants.FULL_VERSION + ", " + ROUNDS + " rounds\n");
        for (int s = 0; s < 2; s++) {
            report.append(String.format("%-17s one client per unit: %6.1f clients/s; batches of %d: %6.1f clients/s; file %.1f MB%n",
                    settings[s], ROUNDS * SINGLE / (nanos[s][0] / 1e9), BATCH, ROUNDS * BATCHES * BATCH / (nanos[s][1] / 1e9),
                    bytes[s] / (double) ROUNDS / 1_000_000));
        }
        Files.createDirectories(Path.of("target", "crash-reports"));
        Files.writeString(Path.of("target", "crash-reports", "write-delay-benchmark.txt"), report);
        System.out.print(report);
    }

    private static void round(Path dir, String name, String setting, long[] nanos, long[] size) throws IOException {
        Path file = dir.resolve(name + setting.replaceAll("[^0-9A-Z]", ""));
        try (Crm crm = Crm.builder().storage(CrashChild.open(file, setting)).build()) {
            CrashWorkload.defineProperties(crm);
            long start = System.nanoTime();
            for (int i = 0; i < SINGLE; i++) {
                crm.clients().register(CrashWorkload.draft(CrashWorkload.key(1, i, 0)));
            }
            nanos[0] += System.nanoTime() - start;
            start = System.nanoTime();
            for (int b = 0; b < BATCHES; b++) {
                List<NewClient> drafts = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    drafts.add(CrashWorkload.draft(CrashWorkload.key(2, b, i)));
                }
                crm.clients().registerAll(drafts);
            }
            nanos[1] += System.nanoTime() - start;
        }
        size[0] = Files.size(Path.of(file + ".mv.db"));
    }
}
