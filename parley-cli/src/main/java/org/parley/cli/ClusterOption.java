package org.parley.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.parley.cluster.ClusterException;
import org.parley.cluster.ClusterMember;
import org.parley.cluster.ClusterSettings;
import org.parley.core.strategy.StrategyRegistry;
import picocli.CommandLine.Option;

/**
 * The options that make a command a member of a Hazelcast cluster (docs/cluster.md): the members
 * to contact or a Hazelcast configuration file, the cluster's name, this member's first port and
 * how long to wait for the members named.
 */
final class ClusterOption {

    @Option(names = "--cluster", paramLabel = "HOST:PORT[,...]",
            description = "Spread the negotiations over a cluster: the members to contact (TCP-IP, no multicast), like"
                    + " 10.0.0.2:5701,10.0.0.3:5701; this process joins as a member too. Name this machine's own address"
                    + " to be the cluster's first member.")
    String members;

    @Option(names = "--cluster-config", paramLabel = "FILE",
            description = "A Hazelcast configuration (hazelcast.yaml or .xml) instead of --cluster, for what the options"
                    + " do not say (interfaces, public addresses, TLS is not in the community edition).")
    Path configFile;

    @Option(names = "--cluster-name", paramLabel = "NAME",
            description = "The cluster's name; members of clusters with other names never join (default "
                    + ClusterSettings.DEFAULT_NAME + ").")
    String name;

    @Option(names = "--cluster-port", paramLabel = "PORT",
            description = "This member's port: the first free one of PORT..PORT+" + (ClusterSettings.PORT_COUNT - 1)
                    + " (default " + ClusterSettings.DEFAULT_PORT + ").")
    Integer port;

    @Option(names = "--cluster-wait", paramLabel = "DURATION",
            description = "How long to wait for one of the members named when this one is not among them, like 30s"
                    + " (default " + 30 + "s).")
    String wait;

    /** Whether a cluster was asked for. */
    boolean given() {
        return members != null || configFile != null;
    }

    /** The settings given, with {@code fallback} as the members when neither --cluster nor --cluster-config is. */
    ClusterSettings settings(String fallback) {
        if (members != null && configFile != null) {
            throw new UserException("--cluster and --cluster-config both say how to find the cluster; give one (the"
                    + " file's tcp-ip member-list, or the addresses).");
        }
        if (configFile != null) {
            if (name != null || port != null) {
                throw new UserException("--cluster-config " + configFile + ": set the cluster name and port in the file,"
                        + " not with --cluster-name or --cluster-port.");
            }
            ClusterSettings settings = ClusterSettings.ofFile(configFile);
            return wait == null ? settings : settings.withJoinTimeout(waitDuration());
        }
        String text = members != null ? members : fallback;
        List<ClusterSettings.Address> addresses;
        try {
            addresses = ClusterSettings.parseMembers(text);
        } catch (IllegalArgumentException e) {
            throw new UserException("--cluster " + e.getMessage() + "; expected HOST:PORT[,HOST:PORT...], like"
                    + " 10.0.0.2:5701,10.0.0.3:5701.");
        }
        try {
            return new ClusterSettings(name == null ? ClusterSettings.DEFAULT_NAME : name, addresses,
                    port == null ? ClusterSettings.DEFAULT_PORT : port, null,
                    wait == null ? ClusterSettings.DEFAULT_JOIN_TIMEOUT : waitDuration());
        } catch (IllegalArgumentException e) {
            throw new UserException((port != null && e.getMessage().startsWith("The port") ? "--cluster-port: "
                    : name != null && e.getMessage().contains("name") ? "--cluster-name: " : "") + e.getMessage());
        }
    }

    private Duration waitDuration() {
        Duration d = RunCommand.duration("--cluster-wait", wait.strip());
        if (d.isZero() || d.isNegative()) {
            throw new UserException("--cluster-wait (" + wait + "): expected a positive duration, like 30s.");
        }
        return d;
    }

    /** Starts this process's member; a cluster that cannot be joined is the user's one-line error. */
    static ClusterMember start(ClusterSettings settings, StrategyRegistry registry, int threads) {
        try {
            return ClusterMember.start(settings, registry, threads);
        } catch (ClusterException e) {
            throw new UserException((settings.configFile() != null ? "--cluster-config " : "--cluster: ") + e.getMessage());
        }
    }
}
