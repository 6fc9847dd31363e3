package org.incidentkb.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.incidentkb.common.Params;
import org.incidentkb.common.ProblemException;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.api.ListItem;
import org.incidentkb.incident.api.StoredJson;

/**
 * Sparse fieldsets ({@code fields=id,title,startDate}) on JSON pages of incidents: each incident carries only the
 * top-level properties named, and its id. A tombstone of the change feed keeps its three properties. Names are the
 * incident's properties; another is a 400 that lists them.
 */
@ApplicationScoped
public class SparseFields {

    /** Every top-level property of an incident, in the order it is written. */
    static final List<String> PROPERTIES = Arrays.stream(IncidentView.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    private final ObjectMapper json;

    public SparseFields(ObjectMapper json) {
        this.json = json;
    }

    /** The names asked for (with id), or null when the request names none. */
    static Set<String> parse(String fields) {
        if (fields == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        names.add("id");
        for (String name : fields.split(",", -1)) {
            String trimmed = name.trim();
            if (!PROPERTIES.contains(trimmed)) {
                throw ProblemException.invalid("fields", "'" + Params.clip(trimmed) + "' is not a property of an "
                        + "incident; name some of " + String.join(", ", PROPERTIES));
            }
            names.add(trimmed);
        }
        return names;
    }

    /** The items with only the named properties of each incident. */
    List<ListItem> keep(List<ListItem> items, Set<String> names) {
        return items.stream().map(item -> keep(item, names)).toList();
    }

    private ListItem keep(ListItem item, Set<String> names) {
        try {
            ObjectNode node;
            if (item instanceof StoredJson stored) {
                node = (ObjectNode) json.readTree(stored.utf8());
            } else if (item instanceof IncidentView view) {
                node = json.valueToTree(view);
            } else {
                return item; // a tombstone
            }
            node.retain(names);
            return new StoredJson(item.id(), json.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException("A stored incident could not be read as JSON", e);
        }
    }
}
