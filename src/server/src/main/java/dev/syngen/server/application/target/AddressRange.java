package dev.syngen.server.application.target;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network in CIDR form ({@code 169.254.0.0/16}, {@code fd00:ec2::254/128}). */
record AddressRange(byte[] network, int prefixBits) {

  /** Parses {@code address[/bits]}; a literal address only, never a host name to look up. */
  static AddressRange parse(String cidr) {
    String s = cidr.trim();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    if (!address.matches("[0-9A-Fa-f:.]+")) {
      throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR range");
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(s.substring(slash + 1));
      if (bits < 0 || bits > bytes.length * 8) {
        throw new IllegalArgumentException("'" + cidr + "' has a prefix out of range");
      }
      return new AddressRange(bytes, bits);
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR range", e);
    }
  }

  boolean contains(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length != network.length) {
      return false;
    }
    int full = prefixBits / 8;
    for (int i = 0; i < full; i++) {
      if (b[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixBits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (b[full] & mask) == (network[full] & mask);
  }
}
