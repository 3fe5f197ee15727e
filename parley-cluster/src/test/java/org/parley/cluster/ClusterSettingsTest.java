package org.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.core.MemberLeftException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSettingsTest {

    @TempDir
    Path dir;

    @Test
    void parsesMembersWithTheirPortsOrTheDefault() {
        assertThat(ClusterSettings.parseMembers("10.0.0.2:5701, node3 ,[::1]:5702")).containsExactly(
                new ClusterSettings.Address("10.0.0.2", 5701), new ClusterSettings.Address("node3", 5701),
                new ClusterSettings.Address("::1", 5702));
        assertThat(new ClusterSettings.Address("::1", 5702)).hasToString("[::1]:5702");
    }

    @Test
    void namesTheEntryThatIsWrong() {
        assertThatThrownBy(() -> ClusterSettings.parseMembers("10.0.0.2:57o1")).hasMessage(
                "(10.0.0.2:57o1): the port (57o1) is not a number");
        assertThatThrownBy(() -> ClusterSettings.parseMembers("a:1,,b:2")).hasMessageContaining("an empty address");
        assertThatThrownBy(() -> ClusterSettings.parseMembers("a:70000")).hasMessage(
                "(a:70000): the port (70000) of a must be between 1 and 65535");
        assertThatThrownBy(() -> ClusterSettings.parseMembers(":5701")).hasMessageContaining("no host before the port");
        assertThatThrownBy(() -> ClusterSettings.parseMembers("::1:5701")).hasMessageContaining("in brackets");
        assertThatThrownBy(() -> ClusterSettings.parseMembers("[::1:5701")).hasMessageContaining("closing ]");
        assertThatThrownBy(() -> ClusterSettings.parseMembers(" ")).hasMessageContaining("at least one member");
    }

    @Test
    void joinsByTcpIpOnlyQuietlyAndWithoutPhoningHome() {
        Config config = ClusterSettings.of("127.0.0.1:5701,127.0.0.1:5702").withName("study").toConfig(3);
        assertThat(config.getClusterName()).isEqualTo("study");
        assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
        assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isTrue();
        assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
                .containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
        assertThat(config.getNetworkConfig().getPort()).isEqualTo(5701);
        assertThat(config.getNetworkConfig().getPortCount()).isEqualTo(ClusterSettings.PORT_COUNT);
        assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        assertThat(config.getExecutorConfig(ClusterMember.EXECUTOR).getPoolSize()).isEqualTo(3);
        assertThat(config.getMemberAttributeConfig().getAttribute(ClusterMember.THREADS)).isEqualTo("3");
    }

    @Test
    void readsAConfigurationFileAndNamesItInErrors() throws Exception {
        Path good = dir.resolve("hazelcast.yaml");
        Files.writeString(good, """
                hazelcast:
                  cluster-name: lab
                  network:
                    join:
                      multicast:
                        enabled: false
                      tcp-ip:
                        enabled: true
                        member-list:
                          - 10.0.0.2
                """);
        Config config = ClusterSettings.ofFile(good).toConfig(2);
        assertThat(config.getClusterName()).isEqualTo("lab");
        assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");

        Path bad = dir.resolve("broken.yaml");
        Files.writeString(bad, "hazelcast:\n  network:\n    port: [\n");
        assertThatThrownBy(() -> ClusterSettings.ofFile(bad).toConfig(2)).hasMessageStartingWith(bad.toString());
        assertThatThrownBy(() -> ClusterSettings.ofFile(dir.resolve("missing.yaml")).toConfig(2))
                .hasMessage(dir.resolve("missing.yaml") + ": no such file");
        Path text = dir.resolve("cluster.txt");
        Files.writeString(text, "x");
        assertThatThrownBy(() -> ClusterSettings.ofFile(text).toConfig(2)).hasMessageContaining("YAML");
        assertThatThrownBy(() -> new ClusterSettings("x", List.of(new ClusterSettings.Address("a", 1)), 5701, good,
                ClusterSettings.DEFAULT_JOIN_TIMEOUT)).hasMessageContaining("not both");
    }

    @Test
    void tellsALostMemberFromAFailedNegotiation() {
        assertThat(Dispatch.memberGone(new ExecutionException(new MemberLeftException("gone")))).isTrue();
        assertThat(Dispatch.memberGone(new ExecutionException(new IllegalStateException("a bug")))).isFalse();
        assertThat(Dispatch.autoBatch(10, 4, 64)).isEqualTo(1);
        assertThat(Dispatch.autoBatch(100_000, 4, 64)).isEqualTo(64);
    }
}
