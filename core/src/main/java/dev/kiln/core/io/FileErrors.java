package dev.kiln.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Says why a file could not be read, in words: Java's {@link FileSystemException}s carry only the path as
 * their message ({@code NoSuchFileException: a.jsonl}), which made "unreadable file: a.jsonl: a.jsonl".
 * {@link #describe} gives {@code no such file}, {@code permission denied}, {@code is a directory},
 * {@code dangling symbolic link to x}, or the operating system's own reason.
 */
public final class FileErrors {

    private FileErrors() {
    }

    /** The cause of {@code e} as a short lower-case phrase, without the path. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fse) {
            String file = fse.getFile();
            if (e instanceof NoSuchFileException) {
                return file != null ? noSuchFile(Path.of(file)) : "no such file";
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof NotDirectoryException) {
                return "not a directory";
            }
            if (fse.getReason() != null) {
                return lower(fse.getReason());
            }
            if (file != null && Files.isDirectory(Path.of(file))) {
                return "is a directory";
            }
            return e.getClass().getSimpleName();
        }
        String m = e.getMessage();
        if (e instanceof java.io.FileNotFoundException && m != null && m.endsWith(")") && m.contains(" (")) {
            // java.io's "path (No such file or directory)"
            return lower(m.substring(m.lastIndexOf(" (") + 2, m.length() - 1));
        }
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return BadRecords.oneLine(lower(m));
    }

    /** {@code path: cause}, one line. */
    public static String line(Path path, IOException e) {
        return path + ": " + describe(e);
    }

    /** Why {@code p} cannot be opened when it does not exist: a dangling link says where it points. */
    static String noSuchFile(Path p) {
        if (Files.isSymbolicLink(p)) {
            try {
                return "dangling symbolic link to " + Files.readSymbolicLink(p);
            } catch (IOException | UnsupportedOperationException e) {
                return "dangling symbolic link";
            }
        }
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return "no such file (its folder " + parent + " does not exist)";
        }
        return "no such file";
    }

    private static String lower(String s) {
        // "Is a directory", "Permission denied" (strerror) read better mid-sentence in lower case
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }
}
