package org.crmkit.examples.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} arguments of a benchmark main, with defaults; unknown names are an error. */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> defaults;

    Args(String[] args, Map<String, String> defaults) {
        this.defaults = defaults;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !defaults.containsKey(name.substring(2))) {
                throw new IllegalArgumentException("unknown argument " + name + "; known: " + defaults.keySet());
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            values.put(name.substring(2), args[++i]);
        }
    }

    String text(String name) {
        return values.getOrDefault(name, defaults.get(name));
    }

    int integer(String name) {
        return Integer.parseInt(text(name).replace("_", ""));
    }

    long number(String name) {
        return Long.parseLong(text(name).replace("_", ""));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(text(name));
    }

    /** {@code --db h2,pg}: which servers to run on. */
    List<String> databases() {
        List<String> list = new ArrayList<>();
        for (String db : text("db").split(",")) {
            String name = db.strip().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("h2") && !name.equals("pg")) {
                throw new IllegalArgumentException("--db takes h2, pg or h2,pg; not " + db);
            }
            list.add(name);
        }
        return list;
    }

    String describe() {
        StringBuilder b = new StringBuilder();
        defaults.keySet().stream().sorted().forEach(k -> b.append(" --").append(k).append(' ').append(text(k)));
        return b.toString().strip();
    }
}
