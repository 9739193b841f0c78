package dev.syngen.server.interfaces.rest;

import dev.syngen.server.application.cluster.ClusterMembers;
import dev.syngen.server.application.cluster.MemberRemoval;
import dev.syngen.server.interfaces.view.ClusterMemberView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The members of this server's cluster (docs/scale-out.md): a read, like the other GETs, and the
 * removal of a member that is down (admin).
 */
@Path("cluster")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cluster")
public class ClusterResource {
  @Inject ClusterMembers members;
  @Inject MemberRemoval removal;

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

  @DELETE
  @Path("members/{name}")
  @Operation(
      summary =
          "Remove a member that is down now, before syngen.cluster.member-retention-minutes ends"
              + " (admin, audited); 409 while it is up")
  public Response remove(@PathParam("name") String name) {
    removal.remove(name);
    return Response.noContent().build();
  }
}
