package org.crmkit.cyclealpha;

import org.crmkit.cyclebeta.Beta;

/** Half of a deliberate cycle between two feature packages; only the architecture test imports it. */
public class Alpha {
    public Beta beta() {
        return new Beta();
    }
}
