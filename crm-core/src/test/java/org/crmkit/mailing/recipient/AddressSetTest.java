package org.crmkit.mailing.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The set of addresses already given a message answers as a set of strings would, through its growth. */
class AddressSetTest {
    @Test
    void answersAsAHashSetOfTheAddresses() {
        AddressSet hashes = new AddressSet();
        Set<String> strings = new HashSet<>();
        Random random = new Random(18);
        for (int i = 0; i < 200_000; i++) {
            String address = "EMAIL u" + random.nextInt(120_000) + "@x" + random.nextInt(3) + ".ru";
            assertThat(hashes.add(address)).as(address).isEqualTo(strings.add(address));
        }
        assertThat(hashes.size()).isEqualTo(strings.size());
        assertThat(hashes.add("SMS +79161234567")).isTrue();
        assertThat(hashes.add("EMAIL +79161234567")).isTrue();
        assertThat(hashes.add("SMS +79161234567")).isFalse();
    }
}
