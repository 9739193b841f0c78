package dev.syngen.server.application.target;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.sink.TargetProfile;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetEgressTest {
  private final TargetEgress defaults =
      TargetEgress.of("169.254.0.0/16,fd00:ec2::254", "", 9080, 9443);

  private static TargetProfile pg(String hostPort) {
    return new TargetProfile(
        "t", "t", "postgres", "postgres://u@" + hostPort + "/db", null, Map.of());
  }

  @Test
  void theMetadataRangeAndTheServersOwnPortsAreRefusedByDefault() {
    String metadata = defaults.refusal(pg("169.254.169.254:5432"));
    assertTrue(metadata != null && metadata.contains("syngen.targets.test.deny"), metadata);
    String own = defaults.refusal(pg("127.0.0.1:9080"));
    assertTrue(own != null && own.contains("own port"), own);
    assertTrue(defaults.refusal(pg("localhost:9443")) != null);
  }

  @Test
  void otherAddressesAreAllowedUnlessAnAllowListLeavesThemOut() {
    assertNull(defaults.refusal(pg("127.0.0.1:5432")));
    TargetEgress only10 = TargetEgress.of("", "10.0.0.0/8", 9080, 9443);
    assertTrue(only10.refusal(pg("127.0.0.1:5432")).contains("syngen.targets.test.allow"));
    assertNull(only10.refusal(pg("10.1.2.3:5432")));
  }

  @Test
  void rangesMatchByPrefixForBothAddressFamilies() throws Exception {
    assertTrue(
        AddressRange.parse("fd00:ec2::254").contains(InetAddress.getByName("fd00:ec2::254")));
    assertFalse(
        AddressRange.parse("fd00:ec2::254").contains(InetAddress.getByName("fd00:ec2::255")));
    assertTrue(AddressRange.parse("169.254.0.0/16").contains(InetAddress.getByName("169.254.1.2")));
    assertFalse(
        AddressRange.parse("169.254.0.0/16").contains(InetAddress.getByName("169.253.1.2")));
    assertTrue(AddressRange.parse("10.0.0.0/9").contains(InetAddress.getByName("10.127.0.1")));
    assertFalse(AddressRange.parse("10.0.0.0/9").contains(InetAddress.getByName("10.128.0.1")));
  }
}
