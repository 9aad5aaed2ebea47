package org.crmkit.jpa.crash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.Crm;
import org.crmkit.client.NewClient;
import org.crmkit.client.Client;
import org.crmkit.jpa.JpaStorage;

/**
 * Writes a client base as crmkit did before the H2 upgrade, in a JVM whose class path holds the
 * older H2 jar: {@code JpaStorage} on the plain {@code jdbc:h2:file:} URL of those releases.
 * Arguments: the database file, the number of clients, and {@code close} (ends cleanly) or
 * {@code crash} (waits to be killed). Prints the H2 version it runs, {@code C <code> <key>} per
 * client, then {@code WRITTEN}.
 */
public final class OldH2Writer {
    private OldH2Writer() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int clients = Integer.parseInt(args[1]);
        boolean crash = args[2].equals("crash");
        System.out.println("H2 " + Class.forName("org.h2.engine.Constants").getField("VERSION").get(null));
        Crm crm = Crm.builder().storage(JpaStorage.builder().url("jdbc:h2:file:" + file.toAbsolutePath())
                .user("sa").password("").build()).build();
        CrashWorkload.defineProperties(crm);
        for (int unit = 0; unit * CrashChild.PER_UNIT < clients; unit++) {
            List<NewClient> drafts = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < CrashChild.PER_UNIT && unit * CrashChild.PER_UNIT + i < clients; i++) {
                keys.add(CrashWorkload.key(0, unit, i));
                drafts.add(CrashWorkload.draft(keys.get(i)));
            }
            List<Client> stored = crm.clients().registerAll(drafts);
            for (int i = 0; i < stored.size(); i++) {
                System.out.println("C " + stored.get(i).code().value() + " " + keys.get(i));
            }
        }
        if (crash) {
            // H2 of those releases writes commits within WRITE_DELAY (500 ms): let it, then be killed
            Thread.sleep(2000);
            System.out.println("WRITTEN");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
        crm.close();
        System.out.println("WRITTEN");
    }
}
