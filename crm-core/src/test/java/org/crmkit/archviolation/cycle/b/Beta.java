package org.crmkit.archviolation.cycle.b;

import org.crmkit.archviolation.cycle.a.Alpha;

/** Other half of a deliberate package cycle. */
public class Beta {
    public Alpha alpha() {
        return null;
    }
}
