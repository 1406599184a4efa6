package dev.kiln.cli;

import dev.kiln.trainer.Device;
import dev.kiln.trainer.Precision;
import picocli.CommandLine.Option;

/** The training graph's numeric recipe, for the verbs that build one (a picocli mixin). */
public final class PrecisionOption {

    @Option(names = "--precision", paramLabel = "auto|fp32|bf16|fp16", defaultValue = Precision.AUTO,
            description = "bf16 matrix products with fp32 master weights, norms, loss and AdamW, or all fp32; "
                    + "auto = bf16 on cuda, fp32 on cpu; fp16 has no loss scaling and is for checks (default: ${DEFAULT-VALUE}).")
    public String precision;

    /** The recipe on {@code device}: the given one, or the device's default for {@code auto}. */
    public Precision resolve(Device device) {
        return Precision.resolve(precision, device);
    }
}
