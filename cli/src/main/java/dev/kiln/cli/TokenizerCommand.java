package dev.kiln.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiln tokenizer train|encode|show}: SentencePiece BPE tokenizers trained by kiln. */
@Command(name = "tokenizer", mixinStandardHelpOptions = true,
        description = "Train a SentencePiece BPE tokenizer, encode documents with it, or show how text splits.",
        subcommands = {
            TokenizerTrainCommand.class,
            TokenizerEncodeCommand.class,
            TokenizerShowCommand.class,
            CommandLine.HelpCommand.class,
        })
final class TokenizerCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }
}
