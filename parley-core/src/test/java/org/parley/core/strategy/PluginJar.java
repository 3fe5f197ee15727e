package org.parley.core.strategy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.parley.api.StrategyProvider;

/**
 * Builds a plugin jar as a plugin's author would: sources compiled against parley-core alone,
 * classes and the services file in a jar. The classes exist only in the jar, so a test that loads
 * it proves the class loading, not the test class path.
 */
final class PluginJar {

    private PluginJar() {}

    /** Compiles {@code sources} (class name → source) and writes them with a services file naming {@code provider}. */
    static Path build(Path dir, String jarName, Map<String, String> sources, String provider) {
        try {
            Path src = Files.createDirectories(dir.resolve(jarName + "-src"));
            Path classes = Files.createDirectories(dir.resolve(jarName + "-classes"));
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    Path.of(StrategyProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                    "--release", "17", "-proc:none"));
            for (var source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac.run(null, null, System.err, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("The plugin's sources do not compile (see standard error).");
            }
            Path jar = dir.resolve(jarName + ".jar");
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                    Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
                zip.putNextEntry(new JarEntry("META-INF/services/" + StrategyProvider.class.getName()));
                zip.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
