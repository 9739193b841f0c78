package dev.syngen.core.corpus;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises values that look like personal data: e-mail addresses, phone numbers and payment card
 * numbers (13-19 digits passing the Luhn check). A corpus is meant to hold vocabulary, not people.
 */
public final class PersonalData {
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern PHONE = Pattern.compile("[+(]?[0-9][0-9 ().\\-/]{6,22}[0-9]");
  private static final Pattern CARD = Pattern.compile("[0-9][0-9 \\-]{11,22}[0-9]");

  private PersonalData() {}

  /** What {@code value} looks like ("an e-mail address", ...), or empty if it looks harmless. */
  public static Optional<String> kind(String value) {
    if (EMAIL.matcher(value).find()) {
      return Optional.of("an e-mail address");
    }
    String digits = value.replaceAll("[^0-9]", "");
    if (CARD.matcher(value).matches()
        && digits.length() >= 13
        && digits.length() <= 19
        && luhn(digits)) {
      return Optional.of("a payment card number");
    }
    if (PHONE.matcher(value).matches()
        && digits.length() >= 9
        && digits.length() <= 15
        && (value.startsWith("+") || value.startsWith("0") || !value.equals(digits))) {
      return Optional.of("a phone number");
    }
    return Optional.empty();
  }

  /** True when the digits pass the Luhn checksum used by payment card numbers. */
  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
