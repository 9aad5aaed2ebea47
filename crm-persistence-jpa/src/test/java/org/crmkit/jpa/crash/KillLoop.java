package org.crmkit.jpa.crash;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Kills a {@link CrashChild} again and again and reopens its file after every kill. A file is
 * <em>broken</em> when it cannot be opened; a commit is <em>lost</em> when a client the child
 * reported as committed is missing; a client is <em>damaged</em> when it differs from its draft (half
 * written) or shares its code with another. A broken file is put aside and the loop goes on with a
 * new one; otherwise a file is reused for {@code killsPerFile} kills.
 */
final class KillLoop {
    /**
     * How a loop runs. A child is killed after a random number of committed units below
     * {@code maxUnits} and then a random time below {@code delayMillis} (so the kill lands anywhere
     * in a unit of work, however loaded the machine is); one kill in five on a file that exists
     * lands at a random moment of the child's start instead (while H2 opens the file).
     */
    record Settings(Path dir, int kills, long seed, int killsPerFile, int maxUnits, int delayMillis, List<String> childClassPath,
                    String urlSettings) {
    }

    /** What a loop saw. {@code failures} holds one line per broken file, lost commit or damaged client. */
    /** Failure lines a summary shows at most. */
    static final int SHOWN = 40;

    record Outcome(int kills, int brokenFiles, int lostCommits, int damagedClients, int failedChildren, int files,
                   long clientsChecked, int killedBeforeReady, long millis, long readyMillis, long checkMillis,
                   int traceFiles, Set<String> traceCauses, List<String> failures) {
        /** Every file opened and every client in it is whole, codes unique; commits may have been lost. */
        boolean intact() {
            return brokenFiles == 0 && damagedClients == 0 && failedChildren == 0;
        }

        String summary() {
            return String.format("%d kills on %d files: %d broken files, %d lost commits, %d damaged clients, "
                            + "%d children that failed by themselves; %d clients checked, %d kills before READY, %.2f s per kill "
                            + "(child start to READY %.2f s, reopen and check %.2f s); H2 trace files (errors H2 logged itself): %d %s%s",
                    kills, files, brokenFiles, lostCommits, damagedClients, failedChildren, clientsChecked, killedBeforeReady,
                    millis / 1000.0 / Math.max(1, kills), readyMillis / 1000.0 / Math.max(1, kills - killedBeforeReady),
                    checkMillis / 1000.0 / Math.max(1, kills), traceFiles, traceCauses, failures.isEmpty() ? "" : "\n  " + String.join("\n  ", shown()));
        }

        private List<String> shown() {
            List<String> ordered = new ArrayList<>(failures);
            ordered.sort(Comparator.comparing(line -> !line.contains("broken file")));
            if (ordered.size() <= SHOWN) {
                return ordered;
            }
            List<String> some = new ArrayList<>(ordered.subList(0, SHOWN));
            some.add("… and " + (failures.size() - SHOWN) + " more");
            return some;
        }
    }

    private final Settings settings;
    private final Random random;
    private final CrashWorkload.Expected expected = new CrashWorkload.Expected();

    KillLoop(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    Outcome run() {
        long start = System.nanoTime();
        int broken = 0;
        int lost = 0;
        int damaged = 0;
        int files = 0;
        long checked = 0;
        int beforeReady = 0;
        int failedChildren = 0;
        List<String> failures = new ArrayList<>();
        Path file = null;
        int killsOnFile = 0;
        Map<String, String> committed = new LinkedHashMap<>();
        long readyMillis = 3000;
        long readyTotal = 0;
        long checkTotal = 0;
        try {
            for (int kill = 0; kill < settings.kills(); kill++) {
                if (file == null || killsOnFile == settings.killsPerFile()) {
                    file = settings.dir().resolve("crash-" + files++);
                    killsOnFile = 0;
                    committed.clear();
                }
                boolean early = killsOnFile > 0 && random.nextInt(5) == 0;
                long delay = early ? random.nextInt((int) readyMillis) : random.nextInt(settings.delayMillis());
                int units = random.nextInt(settings.maxUnits());
                ChildRun child = ChildRun.start(settings, file, kill);
                Long ready = child.killAfter(early, units * CrashChild.PER_UNIT, delay);
                if (ready == null) {
                    beforeReady++;
                } else {
                    readyMillis = Math.max(1, ready);
                    readyTotal += ready;
                }
                killsOnFile++;
                committed.putAll(child.committed());
                long checkStart = System.nanoTime();
                Path opened = file;
                ClientBaseCheck check = ClientBaseCheck.of(() -> CrashChild.open(opened, settings.urlSettings()),
                        committed, expected);
                checkTotal += (System.nanoTime() - checkStart) / 1_000_000;
                checked += check.clients();
                lost += check.lost().size();
                damaged += check.damaged().size();
                check.lost().forEach(l -> failures.add("kill " + child.run + ": lost commit " + l));
                check.lostCodes().forEach(committed::remove);
                check.damaged().forEach(d -> failures.add("kill " + child.run + ": damaged " + d));
                if (check.broken() != null) {
                    broken++;
                    failures.add("kill " + child.run + ": broken file " + file.getFileName() + " after "
                            + killsOnFile + " kills on it: " + check.broken()
                            + child.exitedBy().map(e -> " (child before it: " + e + ")").orElse(""));
                    file = null;
                } else if (child.exitedBy().isPresent()) {
                    failedChildren++;
                    failures.add("kill " + child.run + ": the child " + child.exitedBy().get());
                }
            }
        } finally {
            expected.close();
        }
        return new Outcome(settings.kills(), broken, lost, damaged, failedChildren, files, checked, beforeReady,
                (System.nanoTime() - start) / 1_000_000, readyTotal, checkTotal, traceFiles().size(), traceCauses(), failures);
    }

    /** H2 writes {@code <file>.trace.db} when it logs an error it did not throw (a failed close, for one). */
    private List<Path> traceFiles() {
        try (Stream<Path> files = Files.list(settings.dir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".trace.db")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The innermost causes H2 logged in its trace files, each once. */
    private Set<String> traceCauses() {
        Set<String> causes = new TreeSet<>();
        for (Path trace : traceFiles()) {
            String last = null;
            try {
                for (String line : Files.readAllLines(trace, StandardCharsets.UTF_8)) {
                    if (line.startsWith("Caused by: ")) {
                        last = line.substring("Caused by: ".length());
                    } else if (!line.startsWith("\t") && last != null) {
                        causes.add(last.length() > 160 ? last.substring(0, 160) : last);
                        last = null;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (last != null) {
                causes.add(last.length() > 160 ? last.substring(0, 160) : last);
            }
        }
        return causes;
    }

    /** One child JVM: its committed clients, and when and how it ended. */
    private static final class ChildRun {
        private final int run;
        private final Process process;
        private final Path errors;
        private final Map<String, String> committed = new LinkedHashMap<>();
        private final CountDownLatch ready = new CountDownLatch(1);
        private final Thread reader;
        private final long started = System.nanoTime();
        private volatile long readyAt;
        private String exitedBy;

        private ChildRun(int run, Process process, Path errors) {
            this.run = run;
            this.process = process;
            this.errors = errors;
            this.reader = new Thread(this::read, "kill-loop-reader-" + run);
            reader.setDaemon(true);
            reader.start();
        }

        static ChildRun start(Settings settings, Path file, int run) {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(javaBin, "-ea", "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-cp", String.join(File.pathSeparator, settings.childClassPath()),
                    CrashChild.class.getName(), file.toAbsolutePath().toString(), String.valueOf(run), settings.urlSettings()));
            Path errors = settings.dir().resolve("child.err");
            try {
                Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
                return new ChildRun(run, process, errors);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.equals("READY")) {
                        readyAt = System.nanoTime();
                        ready.countDown();
                    } else if (line.startsWith("C ")) {
                        String[] parts = line.split(" ");
                        if (parts.length == 3) {
                            synchronized (committed) {
                                committed.put(parts[1], parts[2]);
                                committed.notifyAll();
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the pipe breaks when the child is killed: what was read so far counts
            }
        }

        /**
         * Kills the child {@code delay} ms after its start ({@code early}), or {@code delay} ms after
         * it reported {@code clients} committed clients; answers how long it took to be ready, or
         * null if it was killed (or ended) before.
         */
        Long killAfter(boolean early, int clients, long delay) {
            try {
                if (early) {
                    process.waitFor(delay, TimeUnit.MILLISECONDS);
                } else {
                    boolean isReady = false;
                    while (!isReady && process.isAlive()) {
                        isReady = ready.await(100, TimeUnit.MILLISECONDS);
                        if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(120)) {
                            break;
                        }
                    }
                    if (isReady) {
                        awaitCommitted(clients);
                        process.waitFor(delay, TimeUnit.MILLISECONDS);
                    }
                }
                if (process.isAlive()) {
                    process.destroyForcibly();
                } else {
                    exitedBy = "exited by itself with status " + process.exitValue() + ": " + lastError();
                }
                process.waitFor();
                reader.join(10_000);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return ready.getCount() == 0 ? (readyAt - started) / 1_000_000 : null;
        }

        private void awaitCommitted(int clients) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            synchronized (committed) {
                while (committed.size() < clients && process.isAlive() && System.nanoTime() < deadline) {
                    committed.wait(50);
                }
            }
        }

        Map<String, String> committed() {
            synchronized (committed) {
                return new LinkedHashMap<>(committed);
            }
        }

        Optional<String> exitedBy() {
            return Optional.ofNullable(exitedBy);
        }

        private String lastError() {
            try {
                List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
                return lines.stream().filter(l -> l.contains("Exception") || l.contains("Error")).reduce((a, b) -> b)
                        .orElse(lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1));
            } catch (IOException e) {
                return "(no error output: " + e.getMessage() + ")";
            }
        }
    }
}
