package org.parley.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.protocol.AlternatingMultipleOffers;
import org.parley.core.protocol.ProtocolFactory;
import org.parley.core.protocol.Protocols;
import org.parley.core.protocol.SingleTextMediation;
import org.parley.core.protocol.StackedAlternatingOffers;

class RegistryTest {

    private final Registry<Greeting> greetings = Registry.load(Greeting.class, "greeting");

    @Test
    void entriesRegisteredInServicesFilesAreFoundInFileOrder() {
        assertThat(greetings.keys()).containsExactly("hello", "farewell");
        assertThat(greetings.get("farewell").greet("Garak")).isEqualTo("goodbye, Garak");
    }

    @Test
    void aliasesCaseHyphensAndUnderscoresFindTheSameEntry() {
        Greeting hello = greetings.get("hello");
        for (String name : List.of("hi", "HELLO", " Hello ", "good-day", "good_day", "goodday", "Good Day")) {
            assertThat(greetings.get(name)).as(name).isSameAs(hello);
        }
        assertThat(greetings.find("bonjour")).isEmpty();
        assertThat(greetings.find(null)).isEmpty();
    }

    @Test
    void anUnknownNameIsAnErrorListingTheKeys() {
        assertThatThrownBy(() -> greetings.get("bonjour")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown greeting (bonjour); the greetings are hello, farewell.");
    }

    @Test
    void twoEntriesAnsweringToOneNameAreAConfigurationError() {
        assertThatThrownBy(() -> Registry.of("greeting", List.of(new Greeting.Hello(), new Greeting.Hi())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two greetings answer to the name (hi)")
                .hasMessageContaining(Greeting.Hello.class.getName()).hasMessageContaining(Greeting.Hi.class.getName());
    }

    @Test
    void aKeyMustBeLowerCaseAndNotBlank() {
        Greeting shouting = new Greeting.Farewell() {
            @Override
            public String key() {
                return "FAREWELL";
            }
        };
        assertThatThrownBy(() -> Registry.of("greeting", List.of(shouting))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has the key (FAREWELL)").hasMessageContaining("lower-case");
    }

    @Test
    void aRegistrationNamingAMissingClassSaysWhichFile() {
        assertThatThrownBy(() -> Registry.load(Broken.class, "broken thing")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("META-INF/services/" + Broken.class.getName())
                .hasMessageContaining("NoSuchGreeting");
    }

    @Test
    void theBuiltInProtocolsAreRegisteredWithTheirStoredKeys() {
        // The keys are what records store: changing one would make old records unreadable.
        assertThat(Protocols.registry().keys()).containsExactly("sao", "amop", "mediated");
        assertThat(Protocols.get("sao")).isInstanceOf(StackedAlternatingOffers.class);
        assertThat(Protocols.get("SAOP")).isSameAs(Protocols.get("sao"));
        assertThat(Protocols.get("amop")).isInstanceOf(AlternatingMultipleOffers.class);
        assertThat(Protocols.get("mediated")).isInstanceOf(SingleTextMediation.class);
        assertThat(Protocols.get(Protocols.DEFAULT).key()).isEqualTo("sao");
        for (ProtocolFactory protocol : Protocols.all()) {
            assertThat(protocol.title()).isNotBlank();
            assertThat(protocol.description()).isNotBlank().doesNotContain("\n");
        }
        assertThatThrownBy(() -> Protocols.get("poker")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown protocol (poker); the protocols are sao, amop, mediated.");
    }
}
