package org.incidentkb.common;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something kept beside the database that answers may come from (the text index of {@code q}), and that may lag
 * behind it: its version is part of the ETag of the answers that depend on it ({@link CollectionRevalidation}), so
 * that a tag never names a body the same data would now answer differently.
 */
public interface DerivedState {

    /** The version an answer to this query depends on, or empty when it does not depend on this state. */
    Optional<String> version(Map<String, List<String>> query);
}
