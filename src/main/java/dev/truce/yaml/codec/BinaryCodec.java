package dev.truce.yaml.codec;

/** Writes a value to a {@link BinaryOut} and reads it back from a {@link BinaryIn}: generated, see {@link BinaryForms}. */
public interface BinaryCodec<T> {
    void write(BinaryOut out, T value);

    /** The value written; a {@link RuntimeException} when the bytes are not what the writer wrote. */
    T read(BinaryIn in);
}
