package dev.kiln.cli;

import dev.kiln.tokenizer.Encoder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln tokenizer show}: how a text splits, piece by piece, for humans. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print the pieces and ids of a text.")
final class TokenizerShowCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, paramLabel = "M", required = true, description = "spm.model, or a tokenizer directory.")
    Path model;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "Text to encode (several arguments: one line each).")
    List<String> texts;

    @Override
    public Integer call() throws Exception {
        try (Encoder enc = Encoder.load(model)) {
            for (String text : texts) {
                int[] ids = enc.encode(text);
                StringBuilder pieces = new StringBuilder();
                StringBuilder idList = new StringBuilder();
                for (int id : ids) {
                    pieces.append(pieces.isEmpty() ? "" : " ").append(visible(enc.model().pieces().get(id).piece()));
                    idList.append(idList.isEmpty() ? "" : " ").append(id);
                }
                System.out.printf("%d tokens, %d UTF-8 bytes%n", ids.length,
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                System.out.println("pieces: " + pieces);
                System.out.println("ids:    " + idList);
            }
        }
        return 0;
    }

    private static String visible(String piece) {
        return piece.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }
}
