package org.parley.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading and writing files the way every Parley reader and writer does, so that they all fail
 * with the same messages.
 */
public final class TextFiles {

    private TextFiles() {}

    /**
     * The file's bytes.
     *
     * @throws FormatException naming the file when it does not exist or cannot be read
     */
    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FormatException(file.toString(), 0, 0, "", "no such file");
        } catch (IOException e) {
            throw new FormatException(file.toString(), 0, 0, "", "cannot be read: " + e.getMessage());
        }
    }

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
