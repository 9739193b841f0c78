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

  /**
   * Entities e0 … e(n-1) of {@code rows} rows each: a sequence id and, from e1 on, a foreign key
   * {@code parent_id} to the entity before, so the scenario has n dependency levels.
   */
  static String chain(String id, long seed, int n, long rows) {
    StringBuilder json =
        new StringBuilder("{\"id\":\"")
            .append(id)
            .append("\",\"name\":\"")
            .append(id)
            .append("\",\"seed\":")
            .append(seed)
            .append(",\"as_of\":\"2026-01-01T00:00:00Z\",\"entities\":[");
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"name\":\"e")
          .append(i)
          .append("\",\"rows\":")
          .append(rows)
          .append(",\"columns\":[")
          .append("{\"name\":\"id\",\"type\":\"bigint\",\"generator\":{\"type\":\"sequence\"}}");
      if (i > 0) {
        json.append(",{\"name\":\"parent_id\",\"type\":\"bigint\",\"generator\":{\"type\":\"fk\",")
            .append("\"params\":{\"entity\":\"e")
            .append(i - 1)
            .append("\",\"column\":\"id\"}}}");
      }
      json.append("]}");
    }
    return json.append("]}").toString();
  }
}
