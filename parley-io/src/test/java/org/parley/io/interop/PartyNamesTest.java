package org.parley.io.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartyNamesTest {

    @Test
    void theDomainsStemAndAProfileWordAreDropped() {
        assertThat(PartyNames.derive("travel_domain.xml", List.of("travel_chox.xml", "travel_fanny.xml")))
                .containsExactly("chox", "fanny");
        assertThat(PartyNames.derive("camera_domain.xml", List.of("camera_buyer_utility.xml", "camera_seller_utility.xml")))
                .containsExactly("buyer", "seller");
        assertThat(PartyNames.derive("IS_BT_Acquisition.xml", List.of("IS_BT_Acquisition_BT_prof.xml", "IS_BT_Acquisition_IS_prof.xml")))
                .containsExactly("BT", "IS");
        assertThat(PartyNames.derive("Grocery_domain.xml", List.of("Grocery_domain_mary.xml", "Grocery_domain_sam.xml")))
                .containsExactly("mary", "sam");
        assertThat(PartyNames.derive("EnglandZimbabwe_domain.xml", List.of("England.xml", "Zimbabwe.xml")))
                .containsExactly("England", "Zimbabwe");
    }

    @Test
    void digitsOnlyEmptyOrRepeatedNamesFallBackToTheWholeFileNames() {
        assertThat(PartyNames.derive("NiceOrDie.xml", List.of("NiceOrDie1.xml", "NiceOrDie2.xml")))
                .containsExactly("NiceOrDie1", "NiceOrDie2");
        assertThat(PartyNames.derive("a_domain.xml", List.of("a_x_utility.xml", "a_x_prof.xml")))
                .containsExactly("a_x_utility", "a_x_prof");
        assertThat(PartyNames.derive(null, List.of("red-team.json", "blue-team.json"))).containsExactly("red-team", "blue-team");
    }

    @Test
    void scenarioNamesAndFileNames() {
        assertThat(PartyNames.scenarioName("travel_domain.xml")).isEqualTo("travel");
        assertThat(PartyNames.scenarioName("adg.xml")).isEqualTo("adg");
        assertThat(PartyNames.scenarioName("domain.xml")).isEqualTo("domain");
        assertThat(PartyNames.fileSafe("war council / east")).isEqualTo("war_council___east");
        assertThat(PartyNames.fileSafe(".hidden")).isEqualTo("_.hidden");
    }
}
