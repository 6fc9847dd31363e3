package org.incidentkb.incident.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An incident's representation as the read model stored it (UTF-8 JSON), written out as it is: a page or an NDJSON
 * export of stored incidents is assembled from their JSON without reading it into objects and writing it again.
 */
@JsonSerialize(using = StoredJson.Writer.class)
public record StoredJson(Long id, byte[] utf8) implements ListItem {

    static final class Writer extends JsonSerializer<StoredJson> {
        @Override
        public void serialize(StoredJson value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeRawValue(new String(value.utf8(), StandardCharsets.UTF_8));
        }
    }
}
