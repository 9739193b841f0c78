package dev.syngen.server.application.cluster;

import dev.syngen.server.application.error.ApiException;
import java.util.regex.Pattern;

/**
 * What a member's name may be, as a member names itself: {@code <Liberty server>@<host>}, at most
 * as long as its column. A name from a request is checked before it reaches a query.
 */
final class MemberNames {
  /** The length of {@code SYNGEN_CLUSTER_MEMBER.server_name}. */
  static final int MAX_LENGTH = 256;

  /** Liberty's server-name characters, a host name's, and the '@' between them. */
  private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}._+@-]+");

  private static final String FIX =
      "use the name as GET /api/v1/cluster/members lists it, <Liberty server>@<host>"
          + " (e.g. syngenExecutor1@executor-7d9f-x2k4)";

  private MemberNames() {}

  /** Throws a 400 naming the rule unless {@code name} is a possible member name. */
  static void check(String name) {
    if (name == null || name.isEmpty()) {
      throw badRequest("the member name is empty; " + FIX);
    }
    if (name.length() > MAX_LENGTH) {
      throw badRequest(
          "the member name has "
              + name.length()
              + " characters, at most "
              + MAX_LENGTH
              + " are allowed; "
              + FIX);
    }
    if (!VALID.matcher(name).matches()) {
      throw badRequest(
          "the member name '"
              + name
              + "' may hold only letters, digits, '.', '_', '-', '+' and '@'; "
              + FIX);
    }
  }

  private static ApiException badRequest(String detail) {
    return new ApiException(400, "Bad Request", detail);
  }
}
