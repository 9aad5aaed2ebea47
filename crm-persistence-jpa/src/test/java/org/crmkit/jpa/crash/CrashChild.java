package org.crmkit.jpa.crash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.Crm;
import org.crmkit.client.NewClient;
import org.crmkit.client.Client;
import org.crmkit.jpa.JpaStorage;

/**
 * The process the kill loop kills: opens {@code JpaStorage.h2(file)}, prints {@code READY}, then
 * registers units of {@value #PER_UNIT} clients until it is killed, printing {@code C <code> <key>}
 * for each client once its unit is committed. Arguments: the database file, the run number and optionally H2 URL settings.
 */
public final class CrashChild {
    static final int PER_UNIT = 4;

    private CrashChild() {
    }

    /**
     * {@code JpaStorage.h2(file)}, the default under test; with {@code urlSettings} (such as
     * {@code ;WRITE_DELAY=0}) the same file through the builder, to try H2 settings before they
     * become the default.
     */
    static JpaStorage open(Path file, String urlSettings) {
        if (urlSettings.isEmpty()) {
            return JpaStorage.h2(file);
        }
        return JpaStorage.builder().url("jdbc:h2:file:" + file.toAbsolutePath() + urlSettings).user("sa").password("").build();
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        Crm crm = Crm.builder().storage(open(file, args.length > 2 ? args[2] : "")).build();
        CrashWorkload.defineProperties(crm);
        System.out.println("READY");
        System.out.flush();
        for (int unit = 0; ; unit++) {
            List<NewClient> drafts = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < PER_UNIT; i++) {
                String key = CrashWorkload.key(run, unit, i);
                keys.add(key);
                drafts.add(CrashWorkload.draft(key));
            }
            List<Client> stored = crm.clients().registerAll(drafts);
            StringBuilder committed = new StringBuilder();
            for (int i = 0; i < stored.size(); i++) {
                committed.append("C ").append(stored.get(i).code().value()).append(' ').append(keys.get(i)).append('\n');
            }
            System.out.print(committed);
            System.out.flush();
        }
    }
}
