package org.crmkit.examples.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** H2 databases as files in one directory, opened embedded with the URL {@code JpaStorage.h2(path)} uses. */
final class H2Server implements BenchServer {
    private final Path directory;
    private BenchDatabase last;

    H2Server(Path directory) {
        this.directory = directory.toAbsolutePath();
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String label() {
        return "H2";
    }

    @Override
    public String describe() throws SQLException {
        if (last == null) {
            return "H2 (embedded, file in " + directory + ")";
        }
        try (Connection c = last.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT H2VERSION()")) {
            rs.next();
            return "H2 " + rs.getString(1) + " embedded, file database in " + directory + " (default settings, as JpaStorage.h2(path))";
        }
    }

    @Override
    public BenchDatabase database(String name, boolean fresh) {
        Path file = directory.resolve(name);
        if (fresh) {
            try {
                Files.deleteIfExists(directory.resolve(name + ".mv.db"));
                Files.deleteIfExists(directory.resolve(name + ".trace.db"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        last = new BenchDatabase(name, "jdbc:h2:file:" + file, "sa", "", false, false);
        return last;
    }

    @Override
    public void close() {
        // embedded: the database closes with its last connection
    }
}
