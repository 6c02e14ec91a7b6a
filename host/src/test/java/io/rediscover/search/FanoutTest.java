package io.rediscover.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
    void noMorePiecesRunAtOnceThanThereAreCores() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> answers = Fanout.each(24, i -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(10);
            running.decrementAndGet();
            return i;
        });
        assertThat(answers).hasSize(24).isSorted();
        assertThat(most.get()).isBetween(1, Runtime.getRuntime().availableProcessors());
    }

    @Test
    void aFailureIsThrownOnlyOnceEveryOtherLaneHasEnded() {
        AtomicBoolean slowEnded = new AtomicBoolean();
        assertThatThrownBy(() -> Fanout.each(2, i -> {
            if (i == 0) {
                throw new IllegalArgumentException("piece 0 failed");
            }
            sleep(200);
            slowEnded.set(true);
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("piece 0 failed");
        // on one core both pieces share the caller's lane, and the failure stops it before the slow piece starts
        assertThat(slowEnded.get() || Runtime.getRuntime().availableProcessors() == 1)
                .as("the other lane still read what the caller holds").isTrue();

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
