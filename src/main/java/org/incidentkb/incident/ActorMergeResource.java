package org.incidentkb.incident;

import jakarta.ws.rs.core.Response;
import org.incidentkb.actor.ActorApi.ActorView;
import org.incidentkb.actor.ActorApi.MergeInput;
import org.incidentkb.common.EntityTags;

/** Serves {@link ActorMergeOperations}. */
public class ActorMergeResource implements ActorMergeOperations {

    private final ActorMerge merge;
    private final EntityTags tags;

    public ActorMergeResource(ActorMerge merge, EntityTags tags) {
        this.merge = merge;
        this.tags = tags;
    }

    @Override
    public Response merge(long id, MergeInput input) {
        ActorView stays = merge.merge(id, input.into());
        return tags.ok(stays.version(), stays);
    }
}
