package org.wsched.sim.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyValuesTest {
    @Test
    void keepsTheOrderGiven() {
        assertThat(KeyValues.of("z", 1, "a", 2L, "m", null).entrySet()).extracting(e -> e.getKey() + "=" + e.getValue())
                .containsExactly("z=1", "a=2", "m=null");
        assertThat(KeyValues.zip(List.of("b", "a"), 1, 2).keySet()).containsExactly("b", "a");
    }

    @Test
    void unpairedKeysAndValuesAreRefused() {
        assertThatThrownBy(() -> KeyValues.of("a", 1, "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the last key has no value: b");
        assertThatThrownBy(() -> KeyValues.of(1, "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key 0 is not a String");
        assertThatThrownBy(() -> KeyValues.zip(List.of("a", "b"), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 keys but 1 values");
    }
}
