package dev.syngen.server.interfaces.console;

import dev.syngen.server.interfaces.view.AuditView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The audit log: who did what, when; filtered by actor, action and subject; paged. */
@Named
@RequestScoped
public class AuditBean {
  static final int PAGE_SIZE = 50;

  @Inject ConsoleFacade facade;

  private String actor;
  private String action;
  private String subject;
  private int page = 1;
  private List<AuditView> entries;

  public List<AuditView> getEntries() {
    if (entries == null) {
      entries = facade.audit(actor, action, subject, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
    }
    return entries.size() > PAGE_SIZE ? entries.subList(0, PAGE_SIZE) : entries;
  }

  public boolean isHasNext() {
    getEntries();
    return entries.size() > PAGE_SIZE;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(1, page);
  }
}
