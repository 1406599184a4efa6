package dev.kiln.core.pipeline;

import dev.kiln.core.config.ConfigException;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.stage.Stage;
import dev.kiln.core.stage.StageRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pipeline as written in a YAML file for {@code kiln run --config FILE} (relative paths are relative
 * to the file):
 *
 * <pre>{@code
 * inputs: [sample/web.jsonl.gz]
 * output: out/kept.jsonl.zst
 * rejects: out/rejects.jsonl.zst     # optional
 * text_field: text                   # optional, default text
 * id_field: id                       # optional, default id
 * source: c4                         # optional
 * threads: 0                         # optional, 0 = one per core
 * strict: false                      # optional
 * stages:
 *   - name: G0_length                # a registered stage name (kiln stages lists them)
 *     min_chars: 300                 # its parameters
 * }</pre>
 */
public record PipelineSpec(List<String> inputs, String output, String rejects, String textField, String idField,
                           String source, Integer threads, Boolean strict, List<Map<String, Object>> stages) {

    public PipelineSpec {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        stages = stages == null ? List.of() : List.copyOf(stages);
        if (threads != null) {
            ConfigException.checkRange("threads", threads, 0, 4096);
        }
    }

    public ReadOptions readOptions() {
        return new ReadOptions(textField == null ? "text" : textField, idField == null ? "id" : idField, source, null);
    }

    /** Builds the stages through the registry; each entry needs a {@code name}. */
    public Pipeline build(StageRegistry registry) {
        List<Stage> built = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Map<String, Object> params = new LinkedHashMap<>(stages.get(i));
            Object name = params.remove("name");
            if (name == null) {
                throw new ConfigException("stages[" + i + "] has no 'name'");
            }
            built.add(registry.create(name.toString(), params));
        }
        return new Pipeline(built);
    }
}
