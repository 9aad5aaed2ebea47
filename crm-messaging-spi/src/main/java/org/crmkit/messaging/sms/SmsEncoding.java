package org.crmkit.messaging.sms;

/** The two SMS alphabets: the GSM 03.38 7-bit default alphabet and UCS-2 (UTF-16). */
public enum SmsEncoding {
    /** GSM-7: 160 septets in one part, 153 per part when concatenated; extension characters take two. */
    GSM7(160, 153),
    /** UCS-2: 70 UTF-16 units in one part, 67 per part when concatenated; surrogate pairs take two. */
    UCS2(70, 67);

    private final int singlePartLimit;
    private final int multiPartLimit;

    SmsEncoding(int singlePartLimit, int multiPartLimit) {
        this.singlePartLimit = singlePartLimit;
        this.multiPartLimit = multiPartLimit;
    }

    /** Units (septets or UTF-16 units) that fit a message sent as one part. */
    public int singlePartLimit() {
        return singlePartLimit;
    }

    /** Units that fit each part of a concatenated message (the rest is taken by the UDH). */
    public int multiPartLimit() {
        return multiPartLimit;
    }
}
