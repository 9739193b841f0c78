package dev.syngen.server.interfaces.console;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * Lets Faces pages read record components ({@code #{run.status}}), which Expression Language 5 does
 * not; the console's view objects are records. Read-only.
 */
public class RecordELResolver extends ELResolver {
  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    RecordComponent c = component(base, property);
    if (c == null) {
      return null;
    }
    try {
      Object value = c.getAccessor().invoke(base);
      context.setPropertyResolved(base, property);
      return value;
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + property + " of " + base.getClass(), e);
    }
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    RecordComponent c = component(base, property);
    if (c != null) {
      context.setPropertyResolved(base, property);
    }
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    // Records are immutable: leaving the property unresolved lets EL report it as read-only.
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (component(base, property) != null) {
      context.setPropertyResolved(base, property);
      return true;
    }
    return false;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base instanceof Record ? String.class : null;
  }

  private static RecordComponent component(Object base, Object property) {
    if (!(base instanceof Record) || !(property instanceof String name)) {
      return null;
    }
    for (RecordComponent c : base.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        c.getAccessor().setAccessible(true);
        return c;
      }
    }
    return null;
  }
}
