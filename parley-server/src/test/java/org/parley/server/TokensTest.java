package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void tokensCarry256RandomBitsAndNeverRepeat() {
        Tokens tokens = new Tokens();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = tokens.next();
            assertThat(Tokens.wellFormed(token)).isTrue();
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            assertThat(seen.add(token)).isTrue();
        }
        assertThat(tokens.id()).matches("[0-9a-f]{32}");
    }

    @Test
    void onlyTheHashIsKeptAndItIsSha256() {
        // SHA-256("abc"), FIPS 180-2 test vector.
        assertThat(Tokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String token = new Tokens().next();
        assertThat(Tokens.hash(token)).hasSize(64).doesNotContain(token);
    }

    @Test
    void malformedTokensAreRecognisedBeforeAnyLookup() {
        assertThat(Tokens.wellFormed(null)).isFalse();
        assertThat(Tokens.wellFormed("")).isFalse();
        assertThat(Tokens.wellFormed("a".repeat(42))).isFalse();
        assertThat(Tokens.wellFormed("a".repeat(44))).isFalse();
        assertThat(Tokens.wellFormed("a".repeat(42) + "=")).isFalse();
        assertThat(Tokens.wellFormed("a".repeat(42) + "'")).isFalse();
        assertThat(Tokens.wellFormed("a".repeat(41) + "-_")).isTrue();
    }
}
