package org.crmkit.examples.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints a benchmark's results as Markdown (header, tables, notes) and appends the same text to
 * {@code target/benchmark-results.md}, so several runs collect in one file.
 */
final class Report {
    private final Path file;
    private final StringBuilder text = new StringBuilder();

    Report(Path target, String title, String command) {
        this.file = target.resolve("benchmark-results.md");
        line("");
        line("## " + title + " — " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replaceAll("\\.\\d+", ""));
        line("");
        line("Command: `" + command + "`  ");
        line("Machine: " + machine() + "  ");
        line("Under test: " + underTest());
        line("");
    }

    /** nproc, memory, CPU model, Java and OS: what a reader needs to compare figures. */
    static String machine() {
        int cores = java.lang.Runtime.getRuntime().availableProcessors();
        String memory = "?";
        String cpu = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            memory = lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB RAM", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("?");
        } catch (IOException | RuntimeException ignored) {
            // not Linux: leave it out
        }
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceAll(".*:\\s*", "")).orElse("?");
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        long heap = java.lang.Runtime.getRuntime().maxMemory() / 1024 / 1024;
        return cores + " cores (" + cpu + "), " + memory + ", Java " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.name") + ", max heap " + heap + " MiB), "
                + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", JVM args " + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /** Which crmkit jars ran (their build times) and the repository's commit, since both change often. */
    static String underTest() {
        StringBuilder b = new StringBuilder();
        for (Class<?> type : new Class<?>[] {org.crmkit.Crm.class, org.crmkit.jpa.JpaStorage.class}) {
            try {
                Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
                b.append(jar.getFileName()).append(" built ")
                        .append(Files.getLastModifiedTime(jar).toInstant().toString().replaceAll("\\.\\d+", "")).append(", ");
            } catch (Exception e) {
                b.append(type.getSimpleName()).append(" from an unknown place, ");
            }
        }
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String rev = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            b.append(git.waitFor() == 0 ? "repository at " + rev : "repository commit unknown");
        } catch (IOException e) {
            b.append("repository commit unknown");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return b.toString();
    }

    Report line(String line) {
        System.out.println(line);
        text.append(line).append('\n');
        return this;
    }

    Report table(List<String> header, List<String> rows) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + "---|".repeat(header.size()));
        rows.forEach(this::line);
        line("");
        return this;
    }

    static String row(Object... cells) {
        StringBuilder b = new StringBuilder("|");
        for (Object cell : cells) {
            b.append(' ').append(cell).append(" |");
        }
        return b.toString();
    }

    /** Appends everything printed so far to target/benchmark-results.md. */
    void save() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            text.setLength(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
