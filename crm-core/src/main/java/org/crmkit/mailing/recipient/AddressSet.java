package org.crmkit.mailing.recipient;

import java.nio.charset.StandardCharsets;

/**
 * The addresses a resolution has given a message to, kept as 64-bit hashes in an open-addressing
 * table of longs (about 16 bytes per address at most: 16 MB for a million) rather than as strings.
 * Two different addresses share a hash with a chance of about n²/2⁶⁵ (≈ 3·10⁻⁸ for a million),
 * in which case the second would be reported a duplicate.
 */
final class AddressSet {
    private static final long EMPTY = 0L;
    private long[] table = new long[1 << 10];
    private int size;
    private boolean zeroSeen;

    /** Adds the address; false if it was there already. */
    boolean add(String key) {
        long h = hash(key);
        if (h == EMPTY) {
            boolean added = !zeroSeen;
            zeroSeen = true;
            return added;
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        return insert(table, h);
    }

    int size() {
        return size + (zeroSeen ? 1 : 0);
    }

    private boolean insert(long[] into, long h) {
        int mask = into.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (into[i] != EMPTY) {
            if (into[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        into[i] = h;
        if (into == table) {
            size++;
        }
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long h : old) {
            if (h != EMPTY) {
                insert(table, h);
            }
        }
    }

    /** FNV-1a over the UTF-8 bytes, then a MurmurHash3 finaliser. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
