package org.wsched.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CilkviewTest {
    @Test
    void theEstimatesFollowCilkviewsFormulas() {
        assertThat(Cilkview.OPENCILK_BURDEN_NANOS).isEqualTo(6_250L);
        assertThat(Cilkview.FACTOR).isEqualTo(1.7);
        // T1 = 1000, burdened span 100, P = 4: 1000 / (250 + 1.7 * 0.75 * 100) = 1000 / 377.5
        assertThat(Cilkview.speedupLower(1000, 100, 4)).isCloseTo(1000 / 377.5, within(1e-12));
        assertThat(Cilkview.speedupLower(1000, 100, 1)).isEqualTo(1.0);
        assertThat(Cilkview.speedupUpper(1000, 100, 4)).isEqualTo(4.0);
        assertThat(Cilkview.speedupUpper(1000, 100, 64)).isEqualTo(10.0);
        assertThat(Cilkview.parallelism(1000, 0)).isZero();
        assertThat(Cilkview.speedupLower(0, 0, 8)).isZero();
        assertThatThrownBy(() -> Cilkview.speedupLower(1, 1, 0)).hasMessageContaining("processors must be >= 1, was 0");
    }
}
