package dev.kiln.trainer;

import dev.kiln.trainer.model.ParamLayout;

/** Which parameters AdamW decays. */
public enum WeightDecay {
    /** Weight matrices only; RMSNorm weights and the (tied) embedding are not decayed. kiln's default. */
    MATRICES,
    /** Every parameter, as the reference's single AdamW parameter group does (reference-pipeline.md 9.2). */
    ALL;

    /** Whether a parameter of this kind is decayed. */
    public boolean decays(ParamLayout.Kind kind) {
        return this == ALL || kind == ParamLayout.Kind.MATRIX;
    }
}
