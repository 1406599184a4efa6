package dev.kiln.trainer.graph;

import java.util.Arrays;

/**
 * A named value in a graph with its static element type and shape.
 *
 * <p>Shapes are always fully static: kiln builds one graph per (batch, sequence) shape, which lets
 * every VJP know the shapes it must produce without any Shape op at run time.
 */
public record Val(String name, DType type, long[] shape) {

    public Val {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code i}; negative {@code i} counts from the end. */
    public long dim(int i) {
        return shape[i < 0 ? shape.length + i : i];
    }

    /** Number of elements. */
    public long numel() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Val v && v.name.equals(name) && v.type == type && Arrays.equals(v.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name + ":" + type + Arrays.toString(shape);
    }
}
