package dev.syngen.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A 13-table shop the from-db tests draft from, in PostgreSQL, SQLite and MariaDB spellings:
 * composite keys (order_lines, product_tags), a composite foreign key (returns → order_lines), self
 * references (customers.referred_by, categories.parent_id, employees.manager_id), a two-table cycle
 * (employees.department_id ↔ departments.head_employee_id), a junction table (product_tags), an
 * enum (orders.status), CHECKs (ranges and IN lists), nullable foreign keys (reviews.customer_id,
 * customers.region_code), skewed children per parent (orders per customer) and two correlated
 * numeric columns (products.price and weight_kg). Rows come from a seeded random, so every run
 * holds the same data.
 */
final class ShopSchema {
  static final int CUSTOMERS = 1500;
  private final String dialect;
  private final String q; // schema qualifier with dot, or ""

  ShopSchema(String dialect, String schema) {
    this.dialect = dialect;
    this.q = schema == null ? "" : quote(schema) + ".";
  }

  private String quote(String s) {
    return dialect.equals("mariadb") ? "`" + s + "`" : "\"" + s + "\"";
  }

  private String t(String name) {
    return q + quote(name);
  }

  List<String> ddl() {
    boolean pg = dialect.equals("postgres");
    boolean maria = dialect.equals("mariadb");
    String ts = pg ? "timestamptz" : maria ? "datetime(3)" : "TIMESTAMP";
    String bool = pg ? "boolean" : maria ? "tinyint(1)" : "BOOLEAN";
    String dbl = pg ? "double precision" : maria ? "double" : "REAL";
    String uuid = pg ? "uuid" : maria ? "uuid" : "UUID";
    String text = pg || maria ? "text" : "TEXT";
    String status =
        pg
            ? q + "order_status"
            : maria
                ? "enum('new','paid','shipped','cancelled')"
                : "TEXT CHECK (status IN ('new','paid','shipped','cancelled'))";
    List<String> out = new ArrayList<>();
    if (pg) {
      out.add("CREATE TYPE " + q + "order_status AS ENUM ('new','paid','shipped','cancelled')");
    }
    String self = maria ? "" : ""; // forward references are declared after all tables
    out.add(
        "CREATE TABLE "
            + t("regions")
            + " (region_code char(2) PRIMARY KEY, name varchar(60) NOT NULL UNIQUE)");
    out.add(
        "CREATE TABLE "
            + t("customers")
            + " (customer_id bigint NOT NULL PRIMARY KEY, email varchar(120) NOT NULL UNIQUE,"
            + " full_name varchar(80) NOT NULL, phone varchar(30), city varchar(60),"
            + " region_code char(2) REFERENCES "
            + t("regions")
            + " (region_code), segment varchar(10) NOT NULL CHECK (segment IN ('retail','business','vip')),"
            + " created_at "
            + ts
            + " NOT NULL, referred_by bigint"
            + self
            + ")");
    out.add(
        "CREATE TABLE "
            + t("categories")
            + " (category_id int NOT NULL PRIMARY KEY, name varchar(40) NOT NULL UNIQUE, parent_id int)");
    out.add(
        "CREATE TABLE "
            + t("products")
            + " (product_id int NOT NULL PRIMARY KEY, sku varchar(20) NOT NULL UNIQUE,"
            + " name varchar(100) NOT NULL, category_id int NOT NULL REFERENCES "
            + t("categories")
            + " (category_id), price numeric(10,2) NOT NULL CHECK (price > 0), weight_kg "
            + dbl
            + " CHECK (weight_kg >= 0 AND weight_kg <= 500), active "
            + bool
            + " NOT NULL)");
    out.add(
        "CREATE TABLE "
            + t("orders")
            + " (order_id bigint NOT NULL PRIMARY KEY, customer_id bigint NOT NULL REFERENCES "
            + t("customers")
            + " (customer_id), status "
            + status
            + " NOT NULL, ordered_at "
            + ts
            + " NOT NULL, total numeric(12,2) NOT NULL CHECK (total >= 0), coupon_code varchar(12))");
    out.add(
        "CREATE TABLE "
            + t("order_lines")
            + " (order_id bigint NOT NULL REFERENCES "
            + t("orders")
            + " (order_id), line_no int NOT NULL, product_id int NOT NULL REFERENCES "
            + t("products")
            + " (product_id), quantity int NOT NULL CHECK (quantity BETWEEN 1 AND 20),"
            + " unit_price numeric(10,2) NOT NULL, PRIMARY KEY (order_id, line_no))");
    out.add(
        "CREATE TABLE "
            + t("shipments")
            + " (shipment_id "
            + uuid
            + " NOT NULL PRIMARY KEY, order_id bigint NOT NULL REFERENCES "
            + t("orders")
            + " (order_id), carrier varchar(10) NOT NULL CHECK (carrier IN ('ups','dhl','fedex')),"
            + " shipped_at "
            + ts
            + ", delivered_on date)");
    out.add(
        "CREATE TABLE "
            + t("returns")
            + " (return_id int NOT NULL PRIMARY KEY, order_id bigint NOT NULL, line_no int NOT NULL,"
            + " reason varchar(20) NOT NULL, returned_on date NOT NULL,"
            + " FOREIGN KEY (order_id, line_no) REFERENCES "
            + t("order_lines")
            + " (order_id, line_no))");
    out.add(
        "CREATE TABLE "
            + t("tags")
            + " (tag_id smallint NOT NULL PRIMARY KEY, label varchar(30) NOT NULL UNIQUE)");
    out.add(
        "CREATE TABLE "
            + t("product_tags")
            + " (product_id int NOT NULL REFERENCES "
            + t("products")
            + " (product_id), tag_id smallint NOT NULL REFERENCES "
            + t("tags")
            + " (tag_id), PRIMARY KEY (product_id, tag_id))");
    out.add(
        "CREATE TABLE "
            + t("departments")
            + " (department_id int NOT NULL PRIMARY KEY, name varchar(40) NOT NULL UNIQUE,"
            + " head_employee_id int)");
    out.add(
        "CREATE TABLE "
            + t("employees")
            + " (employee_id int NOT NULL PRIMARY KEY, manager_id int, department_id int NOT NULL"
            + " REFERENCES "
            + t("departments")
            + " (department_id), full_name varchar(80) NOT NULL, hired_on date NOT NULL,"
            + " salary numeric(10,2) NOT NULL CHECK (salary >= 1000))");
    out.add(
        "CREATE TABLE "
            + t("reviews")
            + " (review_id bigint NOT NULL PRIMARY KEY, product_id int NOT NULL REFERENCES "
            + t("products")
            + " (product_id), customer_id bigint REFERENCES "
            + t("customers")
            + " (customer_id), rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5), body "
            + text
            + ", created_at "
            + ts
            + " NOT NULL)");
    // self references and the cycle's second key
    String[][] later = {
      {"customers", "referred_by", "customers", "customer_id"},
      {"categories", "parent_id", "categories", "category_id"},
      {"employees", "manager_id", "employees", "employee_id"},
      {"departments", "head_employee_id", "employees", "employee_id"}
    };
    if (dialect.equals("sqlite")) {
      return sqliteInline(out, later);
    }
    for (String[] l : later) {
      out.add(
          "ALTER TABLE "
              + t(l[0])
              + " ADD CONSTRAINT fk_"
              + l[0]
              + "_"
              + l[1]
              + " FOREIGN KEY ("
              + l[1]
              + ") REFERENCES "
              + t(l[2])
              + " ("
              + l[3]
              + ")");
    }
    return out;
  }

  /** SQLite cannot add keys later: write them into the CREATE TABLE statements. */
  private static List<String> sqliteInline(List<String> ddl, String[][] later) {
    List<String> out = new ArrayList<>();
    for (String s : ddl) {
      for (String[] l : later) {
        if (s.startsWith("CREATE TABLE \"" + l[0] + "\"")) {
          s =
              s.substring(0, s.length() - 1)
                  + ", FOREIGN KEY ("
                  + l[1]
                  + ") REFERENCES \""
                  + l[2]
                  + "\" ("
                  + l[3]
                  + "))";
        }
      }
      out.add(s);
    }
    return out;
  }

  void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : ddl()) {
        s.execute(sql);
      }
    }
  }

  /** Fills the tables from a seeded random; returns the order count. */
  void populate(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    Random r = new Random(20261203L);
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    String[] codes = {"NO", "SO", "EA", "WE", "CE", "NW", "NE", "SW", "SE", "MI", "CO", "IS"};
    insert(c, "regions", 2, rows(codes.length, i -> new Object[] {codes[i], "Region " + codes[i]}));
    String[] cities = {"Lyon", "Porto", "Graz", "Turku", "Ghent", "Split", "Cork", "Bergen"};
    String[] first = {"Ana", "Ben", "Chloe", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun"};
    String[] last = {"Moreau", "Silva", "Berg", "Koch", "Novak", "Ruiz", "Okafor", "Tanaka"};
    insert(
        c,
        "customers",
        9,
        rows(
            CUSTOMERS,
            i -> {
              long id = i + 1;
              double seg = r.nextDouble();
              return new Object[] {
                id,
                "cust" + id + ".x" + r.nextInt(1000) + "@mail.example",
                first[r.nextInt(first.length)] + " " + last[r.nextInt(last.length)] + " " + id,
                r.nextDouble() < 0.2 ? null : "+33 6 " + (10_000_000 + r.nextInt(89_999_999)),
                cities[r.nextInt(cities.length)],
                r.nextDouble() < 0.1 ? null : codes[r.nextInt(codes.length)],
                seg < 0.7 ? "retail" : seg < 0.95 ? "business" : "vip",
                ts(start.plusSeconds(r.nextInt(700 * 86400))),
                i > 0 && r.nextDouble() < 0.3 ? (long) (1 + r.nextInt(i)) : null
              };
            }));
    insert(
        c,
        "categories",
        3,
        rows(
            20, i -> new Object[] {i + 1, "Category " + (i + 1), i < 5 ? null : 1 + r.nextInt(5)}));
    insert(
        c,
        "products",
        7,
        rows(
            300,
            i -> {
              int category = 1 + (int) Math.min(19, Math.floor(-Math.log(1 - r.nextDouble()) * 5));
              double price = Math.round(Math.exp(3 + r.nextGaussian() * 0.7) * 100) / 100.0;
              // heavier products cost more: weight follows price (rank correlation about 0.8)
              Double weight =
                  r.nextDouble() < 0.1
                      ? null
                      : Math.round(price * (0.5 + r.nextDouble()) * 30) / 100.0;
              return new Object[] {
                i + 1,
                "SKU-" + (10000 + i * 7),
                "Product " + (i + 1) + " deluxe",
                category,
                price,
                weight,
                r.nextDouble() < 0.9
              };
            }));
    String[] statuses = {"new", "paid", "shipped", "cancelled"};
    List<Object[]> orders = new ArrayList<>();
    List<Object[]> lines = new ArrayList<>();
    List<Object[]> shipments = new ArrayList<>();
    List<Object[]> returns = new ArrayList<>();
    long orderId = 0;
    for (int cust = 1; cust <= CUSTOMERS; cust++) {
      // skewed: most customers 0-3 orders, a few up to 40
      int n = (int) Math.min(40, Math.floor(Math.pow(1 - r.nextDouble(), -1 / 1.3) - 1));
      for (int o = 0; o < n; o++) {
        orderId++;
        double st = r.nextDouble();
        orders.add(
            new Object[] {
              orderId,
              (long) cust,
              statuses[st < 0.1 ? 0 : st < 0.4 ? 1 : st < 0.95 ? 2 : 3],
              ts(start.plusSeconds(r.nextInt(700 * 86400))),
              Math.round(r.nextDouble() * 50_000) / 100.0,
              r.nextDouble() < 0.85
                  ? null
                  : "CP-" + (char) ('A' + r.nextInt(26)) + r.nextInt(10) + r.nextInt(10)
            });
        int ln = 1 + (int) Math.floor(Math.abs(r.nextGaussian()) * 2);
        for (int l = 1; l <= ln; l++) {
          lines.add(
              new Object[] {
                orderId,
                l,
                1 + r.nextInt(300),
                1 + r.nextInt(r.nextDouble() < 0.8 ? 3 : 20),
                Math.round(Math.exp(3 + r.nextGaussian() * 0.5) * 100) / 100.0
              });
          if (r.nextDouble() < 0.04) {
            returns.add(
                new Object[] {
                  returns.size() + 1,
                  orderId,
                  l,
                  r.nextBoolean() ? "damaged" : "wrong size",
                  LocalDate.of(2025, 1, 1).plusDays(r.nextInt(300))
                });
          }
        }
        if (r.nextDouble() < 0.8) {
          shipments.add(
              new Object[] {
                UUID.nameUUIDFromBytes(
                        ("shipment " + orderId + " " + r.nextLong())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString(),
                orderId,
                new String[] {"ups", "dhl", "fedex"}[r.nextInt(3)],
                r.nextDouble() < 0.1 ? null : ts(start.plusSeconds(r.nextInt(700 * 86400))),
                r.nextDouble() < 0.3 ? null : LocalDate.of(2024, 1, 1).plusDays(r.nextInt(700))
              });
        }
      }
    }
    insert(c, "orders", 6, orders);
    insert(c, "order_lines", 5, lines);
    insert(c, "shipments", 5, shipments);
    insert(c, "returns", 5, returns);
    insert(c, "tags", 2, rows(15, i -> new Object[] {i + 1, "tag-" + (char) ('a' + i)}));
    List<Object[]> pt = new ArrayList<>();
    for (int p = 1; p <= 300; p++) {
      int n = r.nextInt(5);
      List<Integer> used = new ArrayList<>();
      while (used.size() < n) {
        int tag = 1 + r.nextInt(15);
        if (!used.contains(tag)) {
          used.add(tag);
          pt.add(new Object[] {p, tag});
        }
      }
    }
    insert(c, "product_tags", 2, pt);
    insert(c, "departments", 3, rows(8, i -> new Object[] {i + 1, "Department " + (i + 1), null}));
    insert(
        c,
        "employees",
        6,
        rows(
            200,
            i ->
                new Object[] {
                  i + 1,
                  i < 8 ? null : 1 + r.nextInt(i),
                  1 + r.nextInt(8),
                  first[r.nextInt(first.length)] + " " + last[r.nextInt(last.length)],
                  LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3000)),
                  Math.round((2500 + r.nextGaussian() * 600 + 600) * 100) / 100.0
                }));
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE "
              + t("departments")
              + " SET head_employee_id = department_id WHERE department_id <= 6");
    }
    String[] words = {"great", "poor", "value", "quality", "fast", "late", "broken", "love"};
    insert(
        c,
        "reviews",
        6,
        rows(
            2000,
            i -> {
              StringBuilder body = new StringBuilder();
              int w = 5 + r.nextInt(25);
              for (int x = 0; x < w; x++) {
                body.append(words[r.nextInt(words.length)]).append(x % 7 == 6 ? ". " : " ");
              }
              body.append("ref").append(i * 31 + 7);
              return new Object[] {
                (long) i + 1,
                1 + (int) Math.min(299, Math.floor(-Math.log(1 - r.nextDouble()) * 40)),
                r.nextDouble() < 0.2 ? null : (long) (1 + r.nextInt(CUSTOMERS)),
                new int[] {1, 2, 3, 4, 4, 5, 5, 5}[r.nextInt(8)],
                r.nextDouble() < 0.1 ? null : body.toString().trim(),
                ts(start.plusSeconds(r.nextInt(700 * 86400)))
              };
            }));
    c.commit();
    c.setAutoCommit(auto);
  }

  private Object ts(Instant i) {
    return dialect.equals("sqlite") ? i.toString() : Timestamp.from(i);
  }

  private interface RowMaker {
    Object[] row(int i);
  }

  private static List<Object[]> rows(int n, RowMaker m) {
    List<Object[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(m.row(i));
    }
    return out;
  }

  private void insert(Connection c, String table, int columns, List<Object[]> rows)
      throws SQLException {
    String marks = String.join(", ", java.util.Collections.nCopies(columns, "?"));
    if (dialect.equals("postgres")) {
      marks = pgMarks(table, columns);
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + t(table) + " VALUES (" + marks + ")")) {
      for (Object[] row : rows) {
        for (int i = 0; i < columns; i++) {
          Object v = row[i];
          if (v == null) {
            ps.setNull(i + 1, Types.NULL);
          } else if (v instanceof LocalDate d) {
            ps.setObject(i + 1, dialect.equals("sqlite") ? d.toString() : java.sql.Date.valueOf(d));
          } else if (v instanceof Boolean b && !dialect.equals("postgres")) {
            ps.setInt(i + 1, b ? 1 : 0);
          } else {
            ps.setObject(i + 1, v);
          }
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** PostgreSQL needs casts for the enum and the uuid given as text. */
  private String pgMarks(String table, int columns) {
    List<String> m = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      m.add("?");
    }
    if (table.equals("orders")) {
      m.set(2, "?::" + q + "order_status");
    }
    if (table.equals("shipments")) {
      m.set(0, "?::uuid");
    }
    return String.join(", ", m);
  }
}
