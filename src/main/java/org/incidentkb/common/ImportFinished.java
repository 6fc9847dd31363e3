package org.incidentkb.common;

import java.time.Instant;

/**
 * An import that is not a backup's restore (whose links come with it) ran to the end: fired after its last batch is
 * written, so what it created can be matched across datasets.
 *
 * @param startedAt when the job started: the incidents it created were created since
 * @param author who ran it
 */
public record ImportFinished(String jobId, Instant startedAt, String author) {
}
