/**
 * Token shards: the files a trainer memory-maps.
 *
 * <p>Two layouts are written and read. The nanoGPT / reference layout ({@link BinShardWriter}) is one
 * headerless {@code train.bin} / {@code val.bin} per split holding exactly {@code tokens × width} bytes
 * (uint16 when the vocabulary fits, else uint32; the width is recorded as {@code "dtype": "uint16"} in
 * {@code data_meta.json}) plus a {@code .idx} of uint64 document start offsets. The parameter-golf
 * layout ({@link GolfShardWriter}) is a sequence of {@code fineweb_<split>_NNNNNN.bin} files, each with a
 * 256 × int32 header (magic 20240520, version 1, token count) and uint16 ids, 10^8 tokens per shard.
 *
 * <p>{@link TokenShards} opens either layout, validates every header and size before use (errors name
 * the file and end with a HINT, as llm.c's reader does), and reads windows that may span shards.
 */
package dev.kiln.sharding;
