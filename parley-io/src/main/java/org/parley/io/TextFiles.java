package org.parley.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing a file the way every Parley writer does, so that they all fail with the same message. */
public final class TextFiles {

    private TextFiles() {}

    /**
     * Writes {@code text} as UTF-8, creating the file's folder when it is missing.
     *
     * @throws UncheckedIOException "Cannot write FILE: reason" when the file cannot be written
     */
    public static void write(Path file, String text) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
