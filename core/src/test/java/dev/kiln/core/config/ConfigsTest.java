package dev.kiln.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.pipeline.PipelineSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigsTest {

    @TempDir
    Path dir;

    Path yaml(String s) throws IOException {
        Path p = dir.resolve("job.yaml");
        Files.writeString(p, s);
        return p;
    }

    @Test
    void loadsSnakeCaseKeysIntoRecords() throws IOException {
        PipelineSpec s = Configs.load(yaml("""
                inputs: [a.jsonl, b.jsonl.gz]
                output: out.jsonl.zst
                text_field: content
                threads: 4
                stages:
                  - name: G0_length
                    min_chars: 300
                """), PipelineSpec.class);
        assertEquals(2, s.inputs().size());
        assertEquals("content", s.readOptions().textField());
        assertEquals(4, s.threads());
        assertEquals(300, s.stages().getFirst().get("min_chars"));
    }

    @Test
    void unknownKeyListsAllowedKeys() throws IOException {
        Path p = yaml("inputs: [a]\noutptu: x\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.load(p, PipelineSpec.class));
        assertTrue(e.getMessage().contains("unknown key 'outptu'") && e.getMessage().contains("output"), e.getMessage());
    }

    @Test
    void outOfRangeValueNamesKeyAndRange() throws IOException {
        Path p = yaml("threads: -3\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.load(p, PipelineSpec.class));
        assertTrue(e.getMessage().contains("threads must be in [0, 4096]: -3"), e.getMessage());
    }

    @Test
    void brokenYamlAndMissingFileAreOneLineErrors() throws IOException {
        Path p = yaml("inputs: [a\n  b: :\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.load(p, PipelineSpec.class));
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        assertThrows(ConfigException.class, () -> Configs.load(dir.resolve("none.yaml"), PipelineSpec.class));
    }
}
