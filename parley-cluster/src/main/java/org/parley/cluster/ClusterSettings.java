package org.parley.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a member finds its cluster: the cluster's name, the addresses of members to contact
 * (TCP-IP join; multicast and cloud discovery stay off, so a member joins only the machines
 * named), the first port of this member's range, and how long to wait for the members named. Or,
 * instead, a Hazelcast configuration file ({@code hazelcast.yaml} or {@code .xml}) that says all
 * of it; Parley then only adds its executor and switches the phone-home off.
 */
public record ClusterSettings(String clusterName, List<Address> members, int port, Path configFile, Duration joinTimeout) {

    /** The cluster name when none is given: members of clusters with other names never join this one. */
    public static final String DEFAULT_NAME = "parley";
    /** Hazelcast's own default first port. */
    public static final int DEFAULT_PORT = 5701;
    /** The range a member binds in: the first free port of {@code port .. port + PORT_COUNT - 1}. */
    public static final int PORT_COUNT = 20;
    public static final Duration DEFAULT_JOIN_TIMEOUT = Duration.ofSeconds(30);

    /** A member to contact, {@code host:port}. */
    public record Address(String host, int port) {

        public Address {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("a member address needs a host, like 10.0.0.2:5701");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("the port (" + port + ") of " + host + " must be between 1 and 65535");
            }
        }

        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public ClusterSettings {
        members = List.copyOf(members);
        if (clusterName == null || clusterName.isBlank()) {
            throw new IllegalArgumentException("The cluster name must not be empty.");
        }
        if (port < 1 || port > 65535 - PORT_COUNT) {
            throw new IllegalArgumentException("The port (" + port + ") must be between 1 and " + (65535 - PORT_COUNT) + ".");
        }
        if (joinTimeout == null || joinTimeout.isNegative() || joinTimeout.isZero()) {
            throw new IllegalArgumentException("The join timeout (" + joinTimeout + ") must be positive.");
        }
        if (configFile != null && !members.isEmpty()) {
            throw new IllegalArgumentException("Name the members either in the configuration file (" + configFile
                    + ") or as addresses, not both.");
        }
    }

    /** The members given as {@code host:port[,host:port...]}, a missing port meaning {@link #DEFAULT_PORT}. */
    public static ClusterSettings of(String members) {
        return new ClusterSettings(DEFAULT_NAME, parseMembers(members), DEFAULT_PORT, null, DEFAULT_JOIN_TIMEOUT);
    }

    public ClusterSettings withName(String name) {
        return new ClusterSettings(name, members, port, configFile, joinTimeout);
    }

    public ClusterSettings withPort(int first) {
        return new ClusterSettings(clusterName, members, first, configFile, joinTimeout);
    }

    public ClusterSettings withJoinTimeout(Duration timeout) {
        return new ClusterSettings(clusterName, members, port, configFile, timeout);
    }

    /** A Hazelcast configuration file in place of the addresses. */
    public static ClusterSettings ofFile(Path file) {
        return new ClusterSettings(DEFAULT_NAME, List.of(), DEFAULT_PORT, file, DEFAULT_JOIN_TIMEOUT);
    }

    /**
     * Parses {@code host:port,host:port}; IPv6 hosts in brackets ({@code [::1]:5701}). Throws
     * IllegalArgumentException naming the entry that is wrong.
     */
    public static List<Address> parseMembers(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("name at least one member, like 127.0.0.1:5701");
        }
        List<Address> result = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("an empty address between commas in (" + text + ")");
            }
            String host;
            String port;
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("(" + entry + "): an IPv6 address needs its closing ], like [::1]:5701");
                }
                host = entry.substring(1, close);
                String rest = entry.substring(close + 1);
                if (!rest.isEmpty() && !rest.startsWith(":")) {
                    throw new IllegalArgumentException("(" + entry + "): expected HOST:PORT, like [::1]:5701");
                }
                port = rest.isEmpty() ? null : rest.substring(1);
            } else {
                int colon = entry.lastIndexOf(':');
                if (colon != entry.indexOf(':')) {
                    throw new IllegalArgumentException("(" + entry + "): put an IPv6 address in brackets, like [::1]:5701");
                }
                host = colon < 0 ? entry : entry.substring(0, colon);
                port = colon < 0 ? null : entry.substring(colon + 1);
            }
            if (host.isBlank()) {
                throw new IllegalArgumentException("(" + entry + "): no host before the port, like 127.0.0.1:5701");
            }
            int number = DEFAULT_PORT;
            if (port != null) {
                try {
                    number = Integer.parseInt(port);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("(" + entry + "): the port (" + port + ") is not a number");
                }
            }
            try {
                result.add(new Address(host, number));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("(" + entry + "): " + e.getMessage());
            }
        }
        return result;
    }

    /**
     * The Hazelcast configuration of a member that runs {@code threads} negotiations at once.
     * Quiet (Hazelcast's log off unless {@code -Dhazelcast.logging.type} names one), no phone-home,
     * no shutdown hook of Hazelcast's own (Parley closes its member itself, after the results are
     * written), and failure detection in seconds rather than Hazelcast's minute: a member lost
     * means its negotiations run again elsewhere, so a false alarm costs a little work, a late one
     * stalls the tournament.
     */
    Config toConfig(int threads) {
        Config config;
        if (configFile != null) {
            config = load(configFile);
        } else {
            config = new Config();
            config.setClusterName(clusterName);
            NetworkConfig network = config.getNetworkConfig();
            network.setPort(port).setPortAutoIncrement(true).setPortCount(PORT_COUNT);
            JoinConfig join = network.getJoin();
            join.getMulticastConfig().setEnabled(false);
            join.getAutoDetectionConfig().setEnabled(false);
            List<String> addresses = members.stream().map(Address::toString).toList();
            join.getTcpIpConfig().setEnabled(true).setMembers(addresses).setConnectionTimeoutSeconds(2);
            config.setProperty("hazelcast.wait.seconds.before.join", "0");
            config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
            config.setProperty("hazelcast.max.no.heartbeat.seconds", "20");
            config.getMetricsConfig().setEnabled(false);
        }
        String logging = System.getProperty("hazelcast.logging.type");
        if (config.getProperty("hazelcast.logging.type") == null) {
            config.setProperty("hazelcast.logging.type", logging == null ? "none" : logging);
        }
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.health.monitoring.level", "OFF");
        config.getExecutorConfig(ClusterMember.EXECUTOR).setPoolSize(threads);
        config.getMemberAttributeConfig().setAttribute(ClusterMember.THREADS, String.valueOf(threads));
        return config;
    }

    private static Config load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml") && !name.endsWith(".xml")) {
            throw new IllegalArgumentException(file + ": expected a Hazelcast configuration in YAML (.yaml, .yml) or XML"
                    + " (.xml)");
        }
        try {
            return Config.loadFromFile(file.toFile());
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
        } catch (InvalidConfigurationException e) {
            throw new IllegalArgumentException(file + ": not a Hazelcast configuration Parley can use (" + e.getMessage()
                    + ")");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }
}
