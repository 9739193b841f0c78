package dev.syngen.core.sink;

/**
 * The fields every message of a run carries (docs/consumers.md). Brokers whose header names allow
 * hyphens (Kafka, NATS, HTTP) use {@link Field#header()}; JMS property names must be Java
 * identifiers, so JMS uses {@link Field#property()}.
 */
public final class MessageContract {
  /** The content type of record payloads. */
  public static final String JSON = "application/json";

  /** The content type of an HTTP batch of records, one JSON object per line. */
  public static final String NDJSON = "application/x-ndjson";

  /** {@link Field#KIND} of a data record. */
  public static final String KIND_RECORD = "record";

  /** {@link Field#KIND} of the control message sent after an entity's last row. */
  public static final String KIND_END_OF_ENTITY = "end-of-entity";

  /** A message header or property defined by the contract. */
  public enum Field {
    RUN_ID("syngen-run-id"),
    SCENARIO_ID("syngen-scenario-id"),
    SCENARIO_VERSION("syngen-scenario-version"),
    CONFIG_HASH("syngen-config-hash"),
    PRODUCER_ID("syngen-producer-id"),
    ENTITY("syngen-entity"),
    ROW("syngen-row"),
    KIND("syngen-kind"),
    ROW_COUNT("syngen-row-count"),
    WEIGHT("syngen-weight"),
    CONTENT_TYPE("content-type"),
    /** The W3C trace context of the run's span; sent only when the run is traced. */
    TRACEPARENT("traceparent");

    private final String header;

    Field(String header) {
      this.header = header;
    }

    public String header() {
      return header;
    }

    /**
     * The JMS form: {@code syngen_run_id}, {@code syngen_content_type}; {@code traceparent} stays
     * as it is, the name W3C's trace context for messaging uses.
     */
    public String property() {
      if (this == TRACEPARENT) {
        return header;
      }
      return header.startsWith("syngen-")
          ? header.replace('-', '_')
          : "syngen_" + header.replace('-', '_');
    }
  }

  private MessageContract() {}

  /** A stable id of one record of one run, for broker-side de-duplication of retries. */
  public static String messageId(RunContext run, String entity, long row) {
    return run.runId() + "/" + entity + "/" + row;
  }

  /**
   * The body of the control message that closes an entity: a consumer that has seen {@code rows}
   * distinct row indexes {@code [0, rows)} of this run and entity has everything.
   */
  public static String endOfEntityBody(RunContext run, String entity, long rows) {
    return "{\"syngen_control\":\"end_of_entity\",\"run_id\":\""
        + jsonText(run.runId())
        + "\",\"scenario_id\":\""
        + jsonText(run.scenarioId())
        + "\",\"config_hash\":\""
        + jsonText(run.configHash())
        + "\",\"entity\":\""
        + jsonText(entity)
        + "\",\"rows\":"
        + rows
        + "}";
  }

  private static String jsonText(String s) {
    return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
