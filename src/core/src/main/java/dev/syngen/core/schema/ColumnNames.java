package dev.syngen.core.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Faker generators chosen by a text column's name, so personal data is replaced by realistic fakes
 * rather than copied: e-mails, phones, names, cities, countries, URLs, IPs, companies, addresses,
 * user names. A rule applies only when the column can hold the fake values ({@code minLength}).
 */
final class ColumnNames {
  record Rule(String generator, int minLength, String what, List<String> names) {}

  /** Person-like tables, whose plain {@code name} column is a person's name. */
  private static final List<String> PEOPLE =
      List.of(
          "customer",
          "user",
          "employee",
          "person",
          "people",
          "member",
          "author",
          "contact",
          "client",
          "patient",
          "student",
          "staff",
          "account");

  private static final List<Rule> RULES =
      List.of(
          new Rule("faker_email", 40, "an e-mail address", List.of("email", "e_mail", "mail")),
          new Rule(
              "faker_phone",
              25,
              "a phone number",
              List.of("phone", "mobile", "telephone", "tel", "fax")),
          new Rule(
              "faker_first_name",
              20,
              "a first name",
              List.of("first_name", "firstname", "given_name")),
          new Rule(
              "faker_last_name",
              20,
              "a last name",
              List.of("last_name", "lastname", "surname", "family_name")),
          new Rule(
              "faker_name",
              40,
              "a person's name",
              List.of(
                  "full_name",
                  "fullname",
                  "person_name",
                  "contact_name",
                  "customer_name",
                  "employee_name")),
          new Rule(
              "faker_username",
              30,
              "a user name",
              List.of("username", "user_name", "login", "handle", "nickname")),
          new Rule("faker_city", 30, "a city", List.of("city", "town")),
          new Rule(
              "faker_country_code", 2, "a country code", List.of("country_code", "iso_country")),
          new Rule("faker_country", 40, "a country", List.of("country")),
          new Rule("faker_url", 60, "a URL", List.of("url", "website", "homepage", "link")),
          new Rule(
              "faker_ip_v4",
              15,
              "an IPv4 address",
              List.of("ip", "ip_address", "ipv4", "client_ip")),
          new Rule(
              "faker_company",
              50,
              "a company name",
              List.of("company", "company_name", "employer", "organisation", "organization")),
          new Rule(
              "faker_street_address",
              60,
              "a street address",
              List.of("address", "street", "street_address", "address_line1", "address1")));

  private ColumnNames() {}

  /** The faker rule for a column, if its name matches one and its length fits the fakes. */
  static Optional<Rule> rule(String table, String column, Integer maxLength) {
    String n = column.toLowerCase(Locale.ROOT);
    for (Rule r : RULES) {
      boolean match =
          r.names().contains(n) || r.names().stream().anyMatch(x -> n.endsWith("_" + x));
      if (match && (maxLength == null || maxLength >= r.minLength())) {
        return Optional.of(r);
      }
    }
    if (n.equals("name") && (maxLength == null || maxLength >= 40)) {
      String t = table.toLowerCase(Locale.ROOT);
      if (PEOPLE.stream().anyMatch(t::startsWith)) {
        return Optional.of(
            new Rule(
                "faker_name", 40, "a person's name (a name column of " + table + ")", List.of()));
      }
    }
    return Optional.empty();
  }

  /** Whether the name says e-mail, for unique columns that faker cannot keep unique. */
  static boolean email(String column) {
    String n = column.toLowerCase(Locale.ROOT);
    return n.equals("email") || n.endsWith("_email") || n.equals("e_mail");
  }
}
