package org.crmkit.messaging.archviolation;

import org.crmkit.messaging.kit.ReceivedSms;

/** Deliberately uses the test kit, which is not part of the SPI; only the architecture test imports it. */
public final class KitLeak {
    private KitLeak() {
    }

    public static ReceivedSms received() {
        return null;
    }
}
