package org.incidentkb.incident.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adding a field of ids to a stored representation without reading it. */
class StoredJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldAddTheIdsAsTheLastMemberOfTheObject() throws Exception {
        StoredJson stored = new StoredJson(7L, "{\"id\":7,\"title\":\"Baʿqūbah } {\"}\n".getBytes(StandardCharsets.UTF_8));
        var tree = json.readTree(stored.withIds("sameAs", List.of(3L, 12L)).utf8());
        assertThat(tree.get("title").asText()).isEqualTo("Baʿqūbah } {");
        assertThat(tree.get("sameAs").toString()).isEqualTo("[3,12]");
        assertThat(json.readTree(stored.withIds("sameAs", List.of()).utf8()).get("sameAs").toString()).isEqualTo("[]");
    }

    @Test
    void shouldAddToAnEmptyObjectWithoutALeadingComma() throws Exception {
        var tree = json.readTree(new StoredJson(1L, "{ }".getBytes(StandardCharsets.UTF_8)).withIds("sameAs",
                List.of(2L)).utf8());
        assertThat(tree.get("sameAs").toString()).isEqualTo("[2]");
    }
}
