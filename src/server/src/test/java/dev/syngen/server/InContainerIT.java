package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.consumer.ConsumerCheck;
import dev.syngen.core.engine.EntityProgress;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.sink.MessageContract;
import dev.syngen.core.sink.MessageContract.Field;
import dev.syngen.server.application.batch.PartitionProgress;
import dev.syngen.server.application.messaging.ConsumerVerification;
import dev.syngen.server.application.run.RunRequest;
import dev.syngen.server.application.run.RunService;
import dev.syngen.server.application.target.TargetSpec;
import dev.syngen.server.infrastructure.persistence.JpaBatchJobs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside Liberty (Arquillian, docs/testing.md): the built syngen.war plus this class, deployed
 * to a server of its own whose batch threshold is 1,000 rows in chunks of 100. The tests call the
 * run service, the batch job's bookkeeping and the message-driven consumer directly, where the REST
 * integration tests can only see their effects through the API.
 */
@ExtendWith(ArquillianExtension.class)
public class InContainerIT {
  private static final Set<RunStatus> FINISHED =
      Set.of(RunStatus.SUCCESS, RunStatus.FAILED, RunStatus.CANCELLED);

  @Inject RunService runs;
  @Inject JpaBatchJobs batchJobs;
  @Inject ConsumerVerification verification;
  @Inject HttpServletRequest request;

  @Deployment
  public static WebArchive deployment() {
    File war = new File(System.getProperty("syngen.it.war", "target/syngen.war"));
    return ShrinkWrap.create(WebArchive.class, "syngen-arq.war")
        .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war))
        .addClass(InContainerIT.class);
  }

  @Test
  public void aRunStartedThroughTheServiceWritesExactlyThePlannedRows()
      throws ServletException, IOException, InterruptedException {
    signInAsAdmin();
    String target = "arq-csv-" + UUID.randomUUID().toString().substring(0, 8);

    RunRecord pending = runs.start(csvRun(target, customersAndOrders(120, 480)));
    RunRecord run = awaitFinished(pending.id());

    assertEquals(RunStatus.SUCCESS, run.status(), run.error());
    assertEquals(2, run.entities().size(), run.entities().toString());
    Map<String, Long> planned = Map.of("customers", 120L, "orders", 480L);
    for (EntityProgress e : run.entities()) {
      long rows = planned.get(e.entity());
      assertEquals(rows, e.rowsPlanned(), e.toString());
      assertEquals(rows, e.rowsWritten(), e.toString());
      assertEquals(rows + 1, lines(csvFile(target, e.table())), e.toString());
    }
    assertFalse(batchJobs.executionOf(run.id()).isPresent(), "600 rows need no batch job");
  }

  @Test
  public void aRunAboveTheThresholdIsABatchJobThatCommitsEveryChunk()
      throws ServletException, IOException, InterruptedException {
    signInAsAdmin();
    String target = "arq-batch-" + UUID.randomUUID().toString().substring(0, 8);

    RunRecord pending = runs.start(csvRun(target, people(1_550)));
    RunRecord run = awaitFinished(pending.id());

    assertEquals(RunStatus.SUCCESS, run.status(), run.error());
    assertEquals(1_550, run.entities().get(0).rowsWritten());
    assertEquals(1_551, lines(csvFile(target, run.entities().get(0).table())));

    long execution = batchJobs.executionOf(run.id()).orElseThrow();
    JobOperator operator = BatchRuntime.getJobOperator();
    // the run is recorded finished by the job's listener, just before the job itself ends
    BatchStatus job =
        await(
            () -> {
              BatchStatus s = operator.getJobExecution(execution).getBatchStatus();
              return s == BatchStatus.STARTING || s == BatchStatus.STARTED ? null : s;
            },
            "batch job execution " + execution + " to end");
    assertEquals(BatchStatus.COMPLETED, job);
    // one level (people only), so one job instance whose partitioned step "level" wrote level 0
    StepExecution level0 =
        operator.getStepExecutions(execution).stream()
            .filter(s -> s.getStepName().equals("level"))
            .findFirst()
            .orElseThrow();
    // one item is one span of 100 rows (the last one 50), and every item is its own chunk
    assertEquals(16, metric(level0, Metric.MetricType.READ_COUNT));
    assertEquals(16, metric(level0, Metric.MetricType.WRITE_COUNT));

    List<PartitionProgress> partitions = batchJobs.partitions(run.id());
    assertEquals(
        1_550,
        partitions.stream().mapToLong(p -> p.nextRow() - p.firstRow()).sum(),
        partitions.toString());
    assertTrue(partitions.stream().allMatch(p -> p.bytes() > 0), partitions.toString());
  }

  @Test
  public void theConsumerCountsARepeatedAndAMissingRowOfAnEntity()
      throws NamingException, InterruptedException {
    String runId = "arq-mdb-" + UUID.randomUUID().toString().substring(0, 8);
    InitialContext jndi = new InitialContext();
    ConnectionFactory factory = (ConnectionFactory) jndi.lookup("jms/syngen/ConnectionFactory");
    Queue queue = (Queue) jndi.lookup("jms/syngen/RunsQueue");

    try (JMSContext jms = factory.createContext()) {
      for (long row : new long[] {0, 1, 1, 3}) {
        record(jms.createProducer(), runId, MessageContract.KIND_RECORD)
            .setProperty(Field.ROW.property(), row)
            .send(queue, "{\"id\":" + row + "}");
      }
      record(jms.createProducer(), runId, MessageContract.KIND_END_OF_ENTITY)
          .setProperty(Field.ROW_COUNT.property(), "4")
          .send(queue, "{}");
    }

    ConsumerCheck check =
        await(
            () -> verification.checksOf(runId).stream().findFirst().orElse(null),
            "the consumer's check of " + runId);
    assertEquals("sensors", check.entity());
    assertEquals(4L, check.expected());
    assertEquals(3, check.received());
    assertEquals(1, check.duplicates());
    assertEquals(1L, check.missing());
    assertFalse(check.complete());
  }

  private void signInAsAdmin() throws ServletException {
    request.login("admin", System.getProperty("syngen.admin.password"));
  }

  private static JMSProducer record(JMSProducer producer, String runId, String kind) {
    return producer
        .setProperty(Field.RUN_ID.property(), runId)
        .setProperty(Field.ENTITY.property(), "sensors")
        .setProperty(Field.KIND.property(), kind);
  }

  private static RunRequest csvRun(String target, String scenario) {
    TargetSpec csv = new TargetSpec(target, target, "csv", "out/it/" + target, null, Map.of());
    return new RunRequest(
        null, scenario, null, csv, RunOverrides.NONE, null, null, null, null, null, List.of());
  }

  private static String customersAndOrders(long customers, long orders) {
    return """
        id: arq-shop
        name: arq-shop
        seed: 7
        as_of: "2026-01-01T00:00:00Z"
        entities:
          - name: customers
            rows: %d
            columns:
              - {name: id, type: bigint, generator: {type: sequence}}
              - {name: full_name, type: string, generator: {type: faker_name}}
          - name: orders
            rows: %d
            columns:
              - {name: id, type: bigint, generator: {type: sequence}}
              - name: customer_id
                type: bigint
                generator: {type: fk, params: {entity: customers, column: id}}
        """
        .formatted(customers, orders);
  }

  private static String people(long rows) {
    return """
        id: arq-people
        name: arq-people
        seed: 11
        as_of: "2026-01-01T00:00:00Z"
        entities:
          - name: people
            rows: %d
            columns:
              - {name: id, type: bigint, generator: {type: sequence}}
              - {name: full_name, type: string, generator: {type: faker_name}}
        """
        .formatted(rows);
  }

  private RunRecord awaitFinished(String id) throws InterruptedException {
    return await(
        () -> {
          RunRecord r = runs.get(id);
          return FINISHED.contains(r.status()) ? r : null;
        },
        "run " + id + " to finish");
  }

  private static <T> T await(Supplier<T> probe, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("waited 90 s for " + what);
  }

  private static long metric(StepExecution step, Metric.MetricType type) {
    for (Metric m : step.getMetrics()) {
      if (m.getType() == type) {
        return m.getValue();
      }
    }
    throw new AssertionError("step " + step.getStepName() + " has no metric " + type);
  }

  private static Path csvFile(String target, String table) {
    return Path.of(System.getProperty("syngen.it.output.dir"), "it", target, table + ".csv");
  }

  private static long lines(Path file) throws IOException {
    try (Stream<String> s = Files.lines(file)) {
      return s.count();
    }
  }
}
