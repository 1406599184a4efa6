package dev.kiln.trainer.loop;

import dev.kiln.core.config.ConfigException;
import dev.kiln.tokenizer.Encoder;
import dev.kiln.trainer.Device;
import dev.kiln.trainer.eval.SampleConfig;
import dev.kiln.trainer.eval.Sampler;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code kiln sample}: continues a prompt with a trained model. It runs the exported forward model
 * ({@code model.onnx} in {@code final/}, weights embedded) when the checkpoint has one, else the
 * forward graph over the checkpoint's safetensors; the tokenizer is the one recorded in the training
 * data's {@code data_meta.json} unless given.
 */
public final class SampleJob {

    private SampleJob() {
    }

    /** The prompt followed by the generated text. */
    public static String run(Path checkpoint, Path tokenizer, String prompt, SampleConfig sc, String device, int threads)
            throws Exception {
        Checkpoint.Loaded c = Checkpoint.load(checkpoint);
        RunState st = c.state();
        Path tok = tokenizer;
        int eos = -1;
        if (tok == null) {
            DataSet data = DataSet.open(Path.of(st.data()));
            tok = data.tokenizer();
            eos = data.eosId();
            if (tok == null) {
                throw new ConfigException(st.data() + " records no tokenizer. HINT: pass --tokenizer MODEL");
            }
        }
        try (Encoder enc = Encoder.load(tok)) {
            if (eos < 0) {
                eos = enc.pieceId("</s>") == enc.pieceId("<unk>") ? -1 : enc.pieceId("</s>");
            }
            int[] ids = enc.encode(prompt);
            if (ids.length == 0) {
                throw new ConfigException("the prompt encodes to no tokens; give some text");
            }
            int seq = st.config().seq();
            Path onnx = checkpoint.resolve(TrainingRun.EXPORT);
            Device d = Device.parse(device);
            try (Sampler s = Files.isRegularFile(onnx)
                    ? Sampler.ofExported(Files.readAllBytes(onnx), seq, st.arch().vocab(), d, threads)
                    : Sampler.ofParams(st.arch(), c.params(), seq, d, threads)) {
                return enc.decode(concat(ids, s.generate(ids, sc, eos)));
            }
        }
    }

    /** Prompt and continuation decoded together, so the continuation's leading space survives. */
    static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
