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

    /**
     * The same representation with a field of ids added as its last member ({@code "name":[1,2]}), spliced into the
     * bytes before the object's closing brace: a deduplicated page adds {@code sameAs} to stored incidents without
     * reading them.
     */
    public StoredJson withIds(String name, java.util.List<Long> ids) {
        StringBuilder array = new StringBuilder("[");
        for (int k = 0; k < ids.size(); k++) {
            array.append(k == 0 ? "" : ",").append(ids.get(k));
        }
        return withMember(name, array.append(']').toString());
    }

    /** The same representation with a member added last: {@code name} with a JSON value written already. */
    public StoredJson withMember(String name, String jsonValue) {
        int end = utf8.length - 1;
        while (end > 0 && utf8[end] != '}') {
            end--;
        }
        if (end <= 0) {
            throw new IllegalStateException("A stored incident is not a JSON object");
        }
        boolean empty = isBlankUpTo(end);
        byte[] added = ((empty ? "\"" : ",\"") + name + "\":" + jsonValue).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + added.length];
        System.arraycopy(utf8, 0, out, 0, end);
        System.arraycopy(added, 0, out, end, added.length);
        System.arraycopy(utf8, end, out, end + added.length, utf8.length - end);
        return new StoredJson(id, out);
    }

    /** Whether nothing but white space stands between the object's opening brace and {@code end}. */
    private boolean isBlankUpTo(int end) {
        int start = 0;
        while (start < end && utf8[start] != '{') {
            start++;
        }
        for (int k = start + 1; k < end; k++) {
            if (!Character.isWhitespace(utf8[k])) {
                return false;
            }
        }
        return true;
    }

    static final class Writer extends JsonSerializer<StoredJson> {
        @Override
        public void serialize(StoredJson value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeRawValue(new String(value.utf8(), StandardCharsets.UTF_8));
        }
    }
}
