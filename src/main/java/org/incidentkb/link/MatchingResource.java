package org.incidentkb.link;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.incidentkb.common.PageParams;
import org.incidentkb.common.Paging;
import org.incidentkb.common.Problem;
import org.incidentkb.common.ProblemException;
import org.incidentkb.incident.write.IncidentChanges;
import org.incidentkb.link.MatchingApi.JobView;

/** Serves {@link MatchingOperations}. */
public class MatchingResource implements MatchingOperations {

    private final MatchingService matching;
    private final IncidentChanges changes;

    public MatchingResource(MatchingService matching, IncidentChanges changes) {
        this.matching = matching;
        this.changes = changes;
    }

    @Override
    public Response start(MatchingRequest request, UriInfo uri) {
        MatchingRequest asked = request != null ? request : new MatchingRequest(null, null, null, null, null, null, null);
        MatchingService.Accepted accepted = matching.start(asked, changes.currentUser());
        if (accepted instanceof MatchingService.Busy busy) {
            JobView running = busy.running();
            return Response.status(409).type(Problem.MEDIA_TYPE).location(location(uri, running))
                    .entity(new Problem("urn:incident-kb:problem:conflict", "Conflict", 409, "Matching run "
                            + running.id() + " is " + running.state().name().toLowerCase(java.util.Locale.ROOT)
                            + "; one run at a time. Follow Location to its progress.", uri.getRequestUri().getPath(),
                            null, null))
                    .build();
        }
        JobView job = ((MatchingService.Started) accepted).job();
        return Response.accepted(job).location(location(uri, job)).build();
    }

    @Override
    public Response list(PageParams pages, UriInfo uri) {
        Paging paging = pages.paging();
        return Paging.ok(paging.result(matching.recent(paging), uri));
    }

    @Override
    public JobView get(String id) {
        return matching.get(id).orElseThrow(() -> ProblemException.notFound("Matching run", id));
    }

    private static URI location(UriInfo uri, JobView job) {
        return uri.getBaseUriBuilder().path("matching").path(job.id()).build();
    }
}
