package dev.kiln.spark;

import dev.kiln.core.io.BadInputException;
import dev.kiln.core.io.FileErrors;
import dev.kiln.core.io.Formats;
import dev.kiln.core.io.Inputs;
import dev.kiln.core.io.TextDocumentReader;
import dev.kiln.core.util.FileTrees;
import dev.kiln.sharding.DataMeta;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.hadoop.util.VersionInfo;

/**
 * Input files on Hadoop file systems ({@code hdfs://}, {@code s3a://} with hadoop-aws, any scheme the
 * cluster's Hadoop configuration knows). The driver expands {@code inputs} entries that are URIs with
 * Hadoop's own globbing, sorted by path like local globs, so the unit order (and the output) does not
 * depend on the listing order; a clean task copies its unit's files to a local folder of the executor
 * ({@link Staged}), runs kiln's reader on the copies, and names the URIs, not the copies, in its messages.
 * A folder of text files (Gutenberg books) is one unit, as locally: its text files are copied with their
 * relative paths, which are the documents' ids.
 * Local paths and {@code file://} URIs are read in place.
 */
final class HadoopInputs {

    private HadoopInputs() {
    }

    /** The files of {@code entries}: Hadoop URIs expanded here, local paths by {@link Inputs#expand}; in order, without repeats. */
    static List<DataMeta.FileEntry> expand(List<String> entries, Configuration conf) throws IOException {
        Map<String, DataMeta.FileEntry> out = new LinkedHashMap<>();
        for (String e : entries) {
            List<DataMeta.FileEntry> files = remote(e) ? expandRemote(e, conf) : DataMeta.FileEntry.of(Inputs.expand(List.of(e)));
            files.forEach(f -> out.putIfAbsent(f.path(), f));
        }
        return List.copyOf(out.values());
    }

    /** Whether {@code name} is read through Hadoop (a URI other than {@code file://}). */
    static boolean remote(String name) {
        return Inputs.isUri(name) && !name.regionMatches(true, 0, "file://", 0, 7);
    }

    private static List<DataMeta.FileEntry> expandRemote(String entry, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(entry);
        FileStatus[] matched;
        try {
            matched = fileSystem(entry, conf).globStatus(p);
        } catch (BadInputException e) {
            throw e;
        } catch (IOException e) {
            throw new BadInputException(entry + ": cannot list it: " + FileErrors.describe(e), e);
        }
        if (matched == null || matched.length == 0) {
            throw new BadInputException(entry + ": no such input file (or the glob matched nothing)");
        }
        List<DataMeta.FileEntry> files = new ArrayList<>();
        for (FileStatus st : matched) {
            if (st.isDirectory()) {
                files.addAll(folder(st.getPath(), conf));
            } else {
                files.add(new DataMeta.FileEntry(st.getPath().toString(), st.getLen()));
            }
        }
        return files.stream().sorted(Comparator.comparing(DataMeta.FileEntry::path)).toList();
    }

    /**
     * A folder as a local folder argument gives it: its JSONL, Parquet and Arrow files; without any, the
     * folder itself, one unit of text files ({@link TextDocumentReader}), without a size (as a local folder is listed).
     */
    private static List<DataMeta.FileEntry> folder(org.apache.hadoop.fs.Path dir, Configuration conf) throws IOException {
        List<DataMeta.FileEntry> out = new ArrayList<>();
        FileSystem fs = dir.getFileSystem(conf);
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
        while (it.hasNext()) {
            LocatedFileStatus st = it.next();
            try {
                if (Formats.of(Path.of(st.getPath().getName())) != Formats.Format.TEXT) {
                    out.add(new DataMeta.FileEntry(st.getPath().toString(), st.getLen()));
                }
            } catch (IllegalArgumentException e) {
                // not a document file
            }
        }
        return out.isEmpty() ? List.of(new DataMeta.FileEntry(fs.makeQualified(dir).toString(), null)) : out;
    }

    /** The file system of {@code uri}; a scheme Hadoop does not know is one line naming the URI, with the module to add. */
    static FileSystem fileSystem(String uri, Configuration conf) throws IOException {
        try {
            return new org.apache.hadoop.fs.Path(uri).getFileSystem(conf);
        } catch (UnsupportedFileSystemException e) {
            throw new BadInputException(uri + ": no Hadoop file system for this scheme (" + e.getMessage() + "). HINT: put its Hadoop "
                    + "module on the class path, for s3a:// spark-submit --packages org.apache.hadoop:hadoop-aws:" + VersionInfo.getVersion(), e);
        }
    }

    /** {@code conf} as bytes, for executors (Hadoop's Configuration is Writable, not Serializable). */
    static byte[] serialize(Configuration conf) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            conf.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** The configuration {@link #serialize} wrote. */
    static Configuration configuration(byte[] bytes) throws IOException {
        Configuration conf = new Configuration(false);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            conf.readFields(in);
        }
        return conf;
    }

    /**
     * A unit's input files made local: remote ones copied under a temporary folder (deleted on close),
     * keeping their names so the reader is chosen as for the original; local ones as they are.
     */
    static final class Staged implements Closeable {

        private final List<Path> files = new ArrayList<>();
        private final Map<String, String> names = new LinkedHashMap<>();
        private Path dir;

        Staged(List<String> inputs, byte[] conf) throws IOException {
            Configuration c = null;
            try {
                for (int i = 0; i < inputs.size(); i++) {
                    String in = inputs.get(i);
                    if (!remote(in)) {
                        files.add(Path.of(Inputs.localPath(in)));
                        continue;
                    }
                    c = c == null ? configuration(conf) : c;
                    if (dir == null) {
                        dir = Files.createTempDirectory("kiln-stage-");
                    }
                    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(in);
                    Path local = Files.createDirectories(dir.resolve(Integer.toString(i))).resolve(p.getName());
                    try {
                        FileSystem fs = p.getFileSystem(c);
                        if (fs.getFileStatus(p).isDirectory()) {
                            copyTextFolder(fs, p, local);
                        } else {
                            try (InputStream s = fs.open(p)) {
                                Files.copy(s, local);
                            }
                        }
                    } catch (IOException e) {
                        throw new BadInputException(in + ": cannot read it: " + FileErrors.describe(e), e);
                    }
                    files.add(local);
                    names.put(local.toString(), in);
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        /** Copies the text files of the folder {@code dir} (what {@link TextDocumentReader} reads) to {@code local}, keeping their relative paths, which are the documents' ids. */
        private static void copyTextFolder(FileSystem fs, org.apache.hadoop.fs.Path dir, Path local) throws IOException {
            Files.createDirectories(local);
            String prefix = fs.makeQualified(dir).toString() + "/";
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
            while (it.hasNext()) {
                org.apache.hadoop.fs.Path f = it.next().getPath();
                String rel = fs.makeQualified(f).toString().substring(prefix.length());
                if (TextDocumentReader.isText(Path.of(rel))) {
                    Path target = local.resolve(rel);
                    Files.createDirectories(target.getParent());
                    try (InputStream s = fs.open(f)) {
                        Files.copy(s, target);
                    }
                }
            }
        }

        /** The local files, in the inputs' order. */
        List<Path> files() {
            return files;
        }

        /**
         * {@code line} naming the URIs: every local copy's path, and a copy's bare name where kiln's readers
         * name a record ({@code NAME:LINE:}), replaced by its URI.
         */
        String name(String line) {
            if (line == null || names.isEmpty()) {
                return line;
            }
            String s = line;
            for (Map.Entry<String, String> e : names.entrySet()) {
                s = s.replace(e.getKey(), e.getValue());
                String bare = Path.of(e.getKey()).getFileName().toString();
                s = Pattern.compile("(?<=^|\\s)" + Pattern.quote(bare) + ":(?=\\d)").matcher(s)
                        .replaceAll(Matcher.quoteReplacement(e.getValue() + ":"));
            }
            return s;
        }

        /** {@code e} with its message naming the URIs: the same exception when nothing was staged. */
        IOException named(IOException e) {
            String m = name(e.getMessage());
            if (names.isEmpty() || m == null || m.equals(e.getMessage())) {
                return e;
            }
            return e instanceof BadInputException ? new BadInputException(m, e) : new IOException(m, e);
        }

        @Override
        public void close() throws IOException {
            if (dir != null) {
                FileTrees.deleteTree(dir);
                dir = null;
            }
        }
    }
}
