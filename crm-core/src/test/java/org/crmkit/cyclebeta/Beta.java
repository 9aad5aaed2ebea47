package org.crmkit.cyclebeta;

import org.crmkit.cyclealpha.Alpha;

/** Other half of a deliberate cycle between two feature packages. */
public class Beta {
    public Alpha alpha() {
        return null;
    }
}
