package dev.syngen.server.interfaces.rest;

import dev.syngen.core.problem.Problems;
import dev.syngen.server.application.corpus.CorpusService;
import dev.syngen.server.application.corpus.CorpusUpload;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.infrastructure.config.CorpusSettings;
import dev.syngen.server.interfaces.view.CorpusView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Corpora: list, show, upload (multipart, within a size limit), delete. */
@Path("corpora")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "corpora")
public class CorporaResource {
  /** The form fields an upload may carry. */
  static final Set<String> FIELDS =
      Set.of("name", "file", "column", "weights_column", "allow_personal_data", "replace");

  /** The longest accepted value of a form field other than the file. */
  static final int MAX_FIELD = 1024;

  @Inject CorpusService corpora;
  @Inject CorpusSettings settings;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "List corpora: uploaded and shipped, with size, distinct values, status")
  public List<CorpusView> list() {
    return corpora.list().stream().map(CorpusView::of).toList();
  }

  @GET
  @Path("{name}")
  @Operation(summary = "Show a corpus: top values, a sample, scenarios using it, its history")
  public CorpusView get(@PathParam("name") String name) {
    return CorpusView.of(corpora.get(name));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary =
          "Upload a corpus (multipart: name, file, column, weights_column, allow_personal_data,"
              + " replace); checked before it is stored")
  public Response upload(List<EntityPart> parts) {
    Map<String, String> fields = new HashMap<>();
    byte[] content = null;
    String fileName = null;
    Problems problems = new Problems();
    for (EntityPart p : parts) {
      if (!FIELDS.contains(p.getName())) {
        problems.add(
            p.getName(),
            "is not a field of a corpus upload",
            "send only " + String.join(", ", FIELDS));
      } else if ("file".equals(p.getName())) {
        content =
            read(
                p.getContent(), settings.maxBytes(), "the corpus file", "syngen.corpora.max-bytes");
        fileName = p.getFileName().orElse("corpus.txt");
      } else {
        fields.put(
            p.getName(),
            new String(
                    read(p.getContent(), MAX_FIELD, "the field " + p.getName(), null),
                    StandardCharsets.UTF_8)
                .strip());
      }
    }
    if (content == null) {
      problems.add("file", "is missing", "send the values as a multipart file part named file");
    }
    boolean allow = flag(fields, "allow_personal_data", problems);
    boolean replace = flag(fields, "replace", problems);
    if (fields.get("name") == null) {
      problems.add("name", "is missing", "send a form field name, e.g. city_names");
    }
    problems.throwIfAny("corpus upload");
    CorpusView created =
        CorpusView.of(
            corpora.upload(
                new CorpusUpload(
                    fields.get("name"),
                    fileName,
                    content,
                    blankToNull(fields.get("column")),
                    blankToNull(fields.get("weights_column")),
                    allow,
                    replace)));
    return Response.status(Response.Status.CREATED)
        .header(HttpHeaders.LOCATION, Locations.of(uri, "corpora", created.name()))
        .entity(created)
        .build();
  }

  @DELETE
  @Path("{name}")
  @Operation(summary = "Delete an uploaded corpus")
  public Response delete(@PathParam("name") String name) {
    corpora.delete(name);
    return Response.noContent().build();
  }

  /** At most {@code max} bytes; a longer part is refused with 413 before it is read further. */
  private static byte[] read(InputStream in, long max, String what, String setting) {
    try (in) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (bytes.length > max) {
        throw new ApiException(
            413,
            "Content Too Large",
            what
                + " has more than "
                + max
                + " bytes; the limit is "
                + max
                + (setting == null ? "" : " (setting " + setting + ")"));
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the upload", e);
    }
  }

  private static boolean flag(Map<String, String> fields, String name, Problems problems) {
    String v = fields.get(name);
    if (v == null || v.isEmpty() || v.equals("false")) {
      return false;
    }
    if (v.equals("true") || v.equals("on")) {
      return true;
    }
    problems.add(name, "must be true or false, got '" + v + "'", "send " + name + "=true");
    return false;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
