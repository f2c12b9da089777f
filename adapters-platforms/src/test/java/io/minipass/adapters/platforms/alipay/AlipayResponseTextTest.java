package io.minipass.adapters.platforms.alipay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AlipayResponseTextTest {

    @Test
    void cutsEachTopLevelValueAsWritten() {
        String node = "{\"a\" : \"x}\\\"{\", \"b\":[1,{\"c\":\"]\"}], \"d\":{}}";

        assertThat(AlipayResponseText.topLevelValues(" {\"node\": " + node + " ,\"sign\":\"c2ln\\/bg==\",\"n\":-1.5e3}\n"))
                .containsEntry("node", node)
                .containsEntry("sign", "\"c2ln\\/bg==\"")
                .containsEntry("n", "-1.5e3")
                .hasSize(3);
    }

    @Test
    void readsAnEmptyObject() {
        assertThat(AlipayResponseText.topLevelValues("{ }")).isEmpty();
    }

    @Test
    void refusesWhatIsNotOneObject() {
        assertThatIllegalArgumentException().isThrownBy(() -> AlipayResponseText.topLevelValues("[1]"));
        assertThatIllegalArgumentException().isThrownBy(() -> AlipayResponseText.topLevelValues("{\"a\":{\"b\":1}"));
        assertThatIllegalArgumentException().isThrownBy(() -> AlipayResponseText.topLevelValues("{\"a\":1} trailing"));
        assertThatIllegalArgumentException().isThrownBy(() -> AlipayResponseText.topLevelValues("{\"a\":\"open"));
        assertThatIllegalArgumentException().isThrownBy(() -> AlipayResponseText.topLevelValues("{\"a\":}"));
    }
}
