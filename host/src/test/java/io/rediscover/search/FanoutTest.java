package io.rediscover.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FanoutTest {

    @Test
    void answersComeInTheOrderOfThePiecesWhateverOrderTheyEndIn() {
        List<Integer> answers = Fanout.each(4, i -> {
            sleep(40 * (4 - i)); // the last piece ends first
            return i * 10;
        });
        assertThat(answers).containsExactly(0, 10, 20, 30);
        assertThat(Fanout.each(0, i -> i)).isEmpty();
        assertThat(Fanout.each(1, i -> "only")).containsExactly("only");
    }

    @Test
    void aFailureIsThrownOnlyOnceEveryOtherPieceHasEnded() {
        AtomicBoolean slowEnded = new AtomicBoolean();
        assertThatThrownBy(() -> Fanout.each(2, i -> {
            if (i == 0) {
                throw new IllegalArgumentException("piece 0 failed");
            }
            sleep(200);
            slowEnded.set(true);
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("piece 0 failed");
        assertThat(slowEnded).as("the other piece still read what the caller holds").isTrue();

        assertThatThrownBy(() -> Fanout.each(3, i -> {
            if (i == 2) {
                throw new IllegalStateException("piece 2 failed");
            }
            return i;
        })).isInstanceOf(IllegalStateException.class).hasMessage("piece 2 failed");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
