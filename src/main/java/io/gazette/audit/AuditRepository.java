package io.gazette.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

  /** Newest first; keyset on id (ids grow with time), so deep pages stay cheap. */
  public List<AuditEntry> newestBefore(Long beforeId, int limit) {
    return beforeId == null
        ? find("order by id desc").page(Page.ofSize(limit)).list()
        : find("id < ?1 order by id desc", beforeId).page(Page.ofSize(limit)).list();
  }

  public List<AuditEntry> newestPage(int page, int limit) {
    return find("order by id desc").page(Page.of(page - 1, limit)).list();
  }
}
