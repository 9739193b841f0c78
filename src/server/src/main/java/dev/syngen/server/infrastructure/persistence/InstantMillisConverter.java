package dev.syngen.server.infrastructure.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/**
 * Stores instants as epoch milliseconds: portable across Derby and PostgreSQL, sortable, and free
 * of the JVM time zone.
 */
@Converter(autoApply = true)
public class InstantMillisConverter implements AttributeConverter<Instant, Long> {
  @Override
  public Long convertToDatabaseColumn(Instant value) {
    return value == null ? null : value.toEpochMilli();
  }

  @Override
  public Instant convertToEntityAttribute(Long value) {
    return value == null ? null : Instant.ofEpochMilli(value);
  }
}
