package org.crmkit.archviolation.cycle.a;

import org.crmkit.archviolation.cycle.b.Beta;

/** Half of a deliberate package cycle. */
public class Alpha {
    public Beta beta() {
        return new Beta();
    }
}
