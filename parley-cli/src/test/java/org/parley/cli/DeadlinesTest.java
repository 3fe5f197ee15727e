package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.core.negotiation.Deadline;

class DeadlinesTest {

    @Test
    void roundsTimeOrBothWhicheverComesFirst() {
        assertThat(Deadlines.parse("--deadline", "1000r")).isEqualTo(Deadline.rounds(1000));
        assertThat(Deadlines.parse("--deadline", " 40 rounds ")).isEqualTo(Deadline.rounds(40));
        assertThat(Deadlines.parse("--deadline", "180s")).isEqualTo(Deadline.time(Duration.ofSeconds(180)));
        assertThat(Deadlines.parse("--deadline", "3m")).isEqualTo(Deadline.time(Duration.ofMinutes(3)));
        assertThat(Deadlines.parse("--deadline", "500ms")).isEqualTo(Deadline.time(Duration.ofMillis(500)));
        assertThat(Deadlines.parse("--deadline", "180S,1000R")).isEqualTo(new Deadline(1000, Duration.ofSeconds(180)));
    }

    @Test
    void writtenBackAsReadAndDescribedForPeople() {
        for (String text : new String[] {"1000r", "180s", "1500ms", "1000r,180s", "1r"}) {
            assertThat(Deadlines.format(Deadlines.parse("--deadline", text))).isEqualTo(text);
        }
        assertThat(Deadlines.format(Deadlines.parse("--deadline", "3m"))).isEqualTo("180s");
        assertThat(Deadlines.describe(Deadline.rounds(1000))).isEqualTo("1000 rounds");
        assertThat(Deadlines.describe(Deadline.rounds(1))).isEqualTo("1 round");
        assertThat(Deadlines.describe(new Deadline(1000, Duration.ofMillis(1500)))).isEqualTo("1000 rounds or 1500 ms");
        assertThat(Deadlines.describe(Deadline.time(Duration.ofSeconds(180)))).isEqualTo("180 s");
    }

    @Test
    void mistakesNameTheFlagTheValueAndWhatIsExpected() {
        String[][] cases = {
            {"", "--deadline (): expected a round limit like 1000r, a time limit like 180s, 3m or 500ms, or both like"
                    + " 1000r,180s (whichever comes first)."},
            {"180", "--deadline (180): (180) is neither; expected a round limit like 1000r"},
            {"10x", "--deadline (10x): (10x) is neither;"},
            {"-5r", "(-5r) is neither;"},
            {"0r", "--deadline (0r): the round limit (0) must be between 1 and 1000000000."},
            {"99999999999r", "the round limit (99999999999) must be between 1 and 1000000000."},
            {"5r,6r", "--deadline (5r,6r): two round limits; name at most one."},
            {"1s,2s", "--deadline (1s,2s): two time limits; name at most one."},
            {"5r,", "--deadline (5r,): an empty part between commas;"},
            {"0s", "--deadline (0s): expected between 1ms and 24 hours."},
            {"25h", "(25h) is neither;"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> Deadlines.parse("--deadline", c[0])).as(c[0]).isInstanceOf(UserException.class)
                    .hasMessageContaining(c[1]);
        }
    }
}
