package dev.syngen.server.interfaces.rest;

import dev.syngen.server.application.cluster.ClusterMembers;
import dev.syngen.server.interfaces.view.ClusterMemberView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The members of this server's cluster (docs/scale-out.md); a read, like the other GETs. */
@Path("cluster")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cluster")
public class ClusterResource {
  @Inject ClusterMembers members;

  @GET
  @Path("members")
  @Operation(
      summary =
          "The cluster's dispatcher and executors, the most recently seen first (at most 500): up"
              + " or down (not seen for 3 heartbeats), chunks running, chunks and rows written,"
              + " rows/s; empty on a standalone server")
  public List<ClusterMemberView> members() {
    return members.list().stream().map(ClusterMemberView::of).toList();
  }
}
