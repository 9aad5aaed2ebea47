package org.crmkit.examples.mailing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.crmkit.jpa.JpaStorage;

/** The outbox scenarios on an H2 file, reopened by each "restart". */
class MailingOutboxH2Test extends MailingOutboxScenarios {
    private final Path file;

    MailingOutboxH2Test() {
        try {
            file = Files.createDirectories(Path.of("target", "h2")).resolve("mailing-" + UUID.randomUUID());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    JpaStorage open() {
        return JpaStorage.h2(file);
    }

    @Override
    boolean twoNodes() {
        return false;
    }
}
