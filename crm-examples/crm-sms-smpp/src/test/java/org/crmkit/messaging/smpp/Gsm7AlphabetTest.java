package org.crmkit.messaging.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Septet values straight from the GSM 03.38 tables, for the characters that differ from ASCII. */
class Gsm7AlphabetTest {

    @Test
    void charactersOutsideAsciiPositionsGetTheirGsmSeptets() {
        assertThat(Gsm7Alphabet.encode("@£$¥èéùìòÇ")).hasValue(bytes(0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09));
        assertThat(Gsm7Alphabet.encode("_ΔΩÆßÉ")).hasValue(bytes(0x11, 0x10, 0x15, 0x1C, 0x1E, 0x1F));
        assertThat(Gsm7Alphabet.encode("¤¡ÄÖÑÜ§¿äöñüà")).hasValue(bytes(0x24, 0x40, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F, 0x60, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F));
    }

    @Test
    void asciiLettersDigitsAndPunctuationKeepTheirCodes() {
        assertThat(Gsm7Alphabet.encode("Aa0 !#%&()*+,-./:;<=>?")).hasValue("Aa0 !#%&()*+,-./:;<=>?".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void extensionCharactersAreEscapePlusTheirCode() {
        assertThat(Gsm7Alphabet.encode("€")).hasValue(bytes(0x1B, 0x65));
        assertThat(Gsm7Alphabet.encode("^{}\\[~]|\f")).hasValue(bytes(
                0x1B, 0x14, 0x1B, 0x28, 0x1B, 0x29, 0x1B, 0x2F, 0x1B, 0x3C, 0x1B, 0x3D, 0x1B, 0x3E, 0x1B, 0x40, 0x1B, 0x0A));
    }

    @Test
    void charactersInNeitherTableDoNotEncode() {
        assertThat(Gsm7Alphabet.encode("Привет")).isEmpty();
        assertThat(Gsm7Alphabet.encode("ç")).isEmpty();
        assertThat(Gsm7Alphabet.encode("`")).isEmpty();
        assertThat(Gsm7Alphabet.encode("\u001B")).as("a lone escape character is not text").isEmpty();
        assertThat(Gsm7Alphabet.canEncode("fine € text")).isTrue();
        assertThat(Gsm7Alphabet.canEncode("👍")).isFalse();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
