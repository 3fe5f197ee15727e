package org.parley.io;

import java.io.IOException;
import java.io.InputStream;
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
     * @throws FormatException naming the file when it does not exist, cannot be read, or is larger
     *     than {@link ReadLimits#MAX_DOCUMENT_CHARS} bytes (checked before reading it)
     */
    public static byte[] read(Path file) {
        try {
            long size = Files.size(file);
            if (size > ReadLimits.MAX_DOCUMENT_CHARS) {
                throw new FormatException(file.toString(), 0, 0, "", ReadLimits.tooLong(size, "bytes"));
            }
            // Read through a bound as well: a device or pipe reports no size and may never end.
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(ReadLimits.MAX_DOCUMENT_CHARS + 1);
                if (bytes.length > ReadLimits.MAX_DOCUMENT_CHARS) {
                    throw new FormatException(file.toString(), 0, 0, "", ReadLimits.tooLong(-1, "bytes"));
                }
                return bytes;
            }
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
