package dev.kiln.cli;

import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.Inputs;
import dev.kiln.core.io.PathGuard;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.FileSource;
import dev.kiln.tokenizer.EncodeJob;
import dev.kiln.tokenizer.Encoder;
import dev.kiln.tokenizer.TextLines;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln tokenizer encode}: documents → JSONL of token ids through SentencePiece (JNI). */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Encode documents with a SentencePiece model into JSONL lines {\"id\", \"ids\"} (input order).")
final class TokenizerEncodeCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, paramLabel = "M", required = true, description = "spm.model, or a tokenizer directory.")
    Path model;

    @Parameters(paramLabel = "IN", arity = "1..*", description = "Input files, globs, directories or @list files.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "Output .jsonl[.gz|.zst].")
    Path output;

    @Option(names = "--lines", description = "Read inputs as plain text, one document per line.")
    boolean lines;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "jni",
            description = "jni (SentencePiece itself, default) or java (kiln's id-identical Java port, faster; "
                    + "falls back to jni for models it does not cover).")
    String backend;

    @Mixin
    InputOptions in;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if (!backend.equalsIgnoreCase("jni") && !backend.equalsIgnoreCase("java")) {
            throw new IllegalArgumentException("--backend must be one of [jni, java]: " + backend);
        }
        int threads = common.threads > 0 ? common.threads : Runtime.getRuntime().availableProcessors();
        BadRecords bad = new BadRecords(common.strict, common.allowEmpty, System.err::println);
        List<Path> files = Inputs.expand(inputs);
        Path metaPath = common.meta != null ? common.meta : output.resolveSibling(output.getFileName() + ".meta.json");
        Map<String, Path> outputs = new java.util.LinkedHashMap<>();
        outputs.put("output", output);
        outputs.put("metadata", metaPath);
        PathGuard.checkOutputs(files, outputs);
        try (Encoder enc = Encoder.load(model, Encoder.Backend.valueOf(backend.toUpperCase(Locale.ROOT)));
             DocumentSource src = lines ? TextLines.of(files, bad) : FileSource.of(files, in.readOptions(), bad)) {
            Map<String, Object> s = EncodeJob.run(enc, src, output, threads);
            dev.kiln.core.pipeline.RunMetadata meta = new dev.kiln.core.pipeline.RunMetadata("tokenizer encode",
                    dev.kiln.core.pipeline.KilnVersion.get());
            meta.put("config", Map.of("model", model.toString(), "backend", backend.toLowerCase(Locale.ROOT), "threads", threads));
            meta.files("inputs", files);
            meta.put("encode", s);
            meta.put("bad_records", bad.countsByKind());
            meta.files("outputs", List.of(output));
            meta.write(metaPath);
            if (!common.quiet) {
                System.out.printf(Locale.ROOT, "encoded %,d documents into %,d tokens (%.3f bytes/token) in %.1f s%n",
                        s.get("documents"), s.get("tokens"), s.get("bytes_per_token"), s.get("seconds"));
                if (bad.total() > 0) {
                    System.out.printf(Locale.ROOT, "skipped %,d bad input records: %s%n", bad.total(), bad.countsByKind());
                }
                System.out.println("output:   " + output);
                System.out.println("metadata: " + metaPath);
            }
        }
        return 0;
    }
}
