package dev.syngen.server.application.target;

import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.probe.Endpoint;
import dev.syngen.io.probe.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a target test may connect (finding 15: tests reached any address, the cloud metadata
 * service and the server's own ports included). An address in {@code syngen.targets.test.deny} is
 * refused; when {@code syngen.targets.test.allow} is set, only its ranges are allowed; the server's
 * own HTTP and HTTPS ports on a loopback or wildcard address are always refused.
 */
@ApplicationScoped
public class TargetEgress {
  @Inject
  @ConfigProperty(name = "syngen.targets.test.deny", defaultValue = "169.254.0.0/16,fd00:ec2::254")
  String deny;

  /** Empty (not set, the default): every address the deny list leaves. */
  @Inject
  @ConfigProperty(name = "syngen.targets.test.allow")
  Optional<String> allow;

  @Inject
  @ConfigProperty(name = "syngen.http.port", defaultValue = "9080")
  int httpPort;

  @Inject
  @ConfigProperty(name = "syngen.https.port", defaultValue = "9443")
  int httpsPort;

  /** For tests: a fixed policy. */
  static TargetEgress of(String deny, String allow, int httpPort, int httpsPort) {
    TargetEgress e = new TargetEgress();
    e.deny = deny;
    e.allow = Optional.ofNullable(allow);
    e.httpPort = httpPort;
    e.httpsPort = httpsPort;
    return e;
  }

  /** Why a test may not connect to this target's endpoints, or null when it may. */
  public String refusal(TargetProfile profile) {
    for (Endpoint e : Endpoints.network(profile)) {
      for (InetAddress a : resolve(e.host())) {
        String why = refusal(a, e.port());
        if (why != null) {
          return e + " is refused by the server's outbound policy for target tests (" + why + ")";
        }
      }
    }
    return null;
  }

  private String refusal(InetAddress a, int port) {
    if ((a.isLoopbackAddress() || a.isAnyLocalAddress())
        && Set.of(httpPort, httpsPort).contains(port)) {
      return "the server's own port";
    }
    if (ranges(deny).stream().anyMatch(r -> r.contains(a))) {
      return "syngen.targets.test.deny";
    }
    List<AddressRange> allowed = ranges(allow.orElse(""));
    if (!allowed.isEmpty() && allowed.stream().noneMatch(r -> r.contains(a))) {
      return "not in syngen.targets.test.allow";
    }
    return null;
  }

  /** Every address the host name stands for; none when it does not resolve (the test says so). */
  private static List<InetAddress> resolve(String host) {
    try {
      return List.of(InetAddress.getAllByName(host));
    } catch (UnknownHostException e) {
      return List.of();
    }
  }

  private static List<AddressRange> ranges(String setting) {
    return setting == null || setting.isBlank()
        ? List.of()
        : Arrays.stream(setting.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(AddressRange::parse)
            .toList();
  }
}
