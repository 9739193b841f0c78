package dev.syngen.server;

/** Scenarios the integration tests send inline in a run request, as JSON. */
final class InlineScenarios {
  private InlineScenarios() {}

  /**
   * Customers with a sequence id and a Datafaker name, and orders with a sequence id, a foreign key
   * to the customers and one more column given as its JSON definition.
   */
  static String customersAndOrders(
      String id, long seed, long customers, long orders, String lastOrderColumn) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + id
        + "\",\"seed\":"
        + seed
        + ",\"as_of\":\"2026-01-01T00:00:00Z\",\"entities\":["
        + "{\"name\":\"customers\",\"rows\":"
        + customers
        + ",\"columns\":["
        + "{\"name\":\"id\",\"type\":\"bigint\",\"generator\":{\"type\":\"sequence\"}},"
        + "{\"name\":\"full_name\",\"type\":\"string\",\"generator\":{\"type\":\"faker_name\"}}]},"
        + "{\"name\":\"orders\",\"rows\":"
        + orders
        + ",\"columns\":["
        + "{\"name\":\"id\",\"type\":\"bigint\",\"generator\":{\"type\":\"sequence\"}},"
        + "{\"name\":\"customer_id\",\"type\":\"bigint\",\"generator\":{\"type\":\"fk\","
        + "\"params\":{\"entity\":\"customers\",\"column\":\"id\"}}},"
        + lastOrderColumn
        + "]}]}";
  }
}
