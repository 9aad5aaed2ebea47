package org.crmkit.segment.json;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.crmkit.common.ValidationException;

/**
 * The JSON of one leaf record: its {@code "type"} name within its family and how its fields are
 * written and read. A family of leaves is a list of these (see {@link LeafFamily}); a new leaf
 * needs one, made with {@link #of}.
 *
 * @param <T> the leaf record
 */
public interface LeafCodec<T> {
    /** The value of {@code "type"}, unique within the family: a lower-case word such as {@code kind-is}. */
    String type();

    /** The record this codec writes; looked up by the leaf's exact class. */
    Class<T> leafClass();

    /** Writes the leaf's fields (not {@code "type"}) into {@code out}. */
    void write(T leaf, ObjectNode out, Trees trees);

    /** Reads the leaf from {@code in}; a missing or bad field is a {@link ValidationException} naming it. */
    T read(Fields in, Trees trees);

    /** How a codec writes. */
    @FunctionalInterface
    interface Writer<T> {
        void write(T leaf, ObjectNode out, Trees trees);
    }

    /** How a codec reads. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Fields in, Trees trees);
    }

    static <T> LeafCodec<T> of(String type, Class<T> leafClass, Writer<T> writer, Reader<T> reader) {
        ValidationException.required(type, "type");
        ValidationException.required(leafClass, "leafClass");
        ValidationException.required(writer, "writer");
        ValidationException.required(reader, "reader");
        return new LeafCodec<>() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Class<T> leafClass() {
                return leafClass;
            }

            @Override
            public void write(T leaf, ObjectNode out, Trees trees) {
                writer.write(leaf, out, trees);
            }

            @Override
            public T read(Fields in, Trees trees) {
                return reader.read(in, trees);
            }

            @Override
            public String toString() {
                return "LeafCodec[" + type + " " + leafClass.getName() + "]";
            }
        };
    }
}
