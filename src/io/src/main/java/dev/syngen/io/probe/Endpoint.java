package dev.syngen.io.probe;

/** A network address a target connects to: a database, a broker, an HTTP receiver. */
public record Endpoint(String host, int port) {
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
