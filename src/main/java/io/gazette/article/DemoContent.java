package io.gazette.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.gazette.common.JsonBodies;
import io.gazette.config.GazetteConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Loads the demo article (the real news page 37076 from the seed) the first time Gazette starts on
 * a database, so that {@code GET /api/v1/articles} shows something real at once. It keeps its
 * original id. Loaded once per database: deleting it does not bring it back.
 */
@ApplicationScoped
public class DemoContent {

  private static final Logger LOG = Logger.getLogger(DemoContent.class);
  private static final String RESOURCE = "/demo/article-37076.json";
  private static final String MARKER = "demo-content-loaded";

  private final GazetteConfig config;
  private final ArticleService service;
  private final ArticleRepository articles;
  private final JsonBodies json;
  private final ObjectMapper mapper;
  private final EntityManager entityManager;
  private final AgroalDataSource dataSource;

  public DemoContent(
      GazetteConfig config,
      ArticleService service,
      ArticleRepository articles,
      JsonBodies json,
      ObjectMapper mapper,
      EntityManager entityManager,
      AgroalDataSource dataSource) {
    this.config = config;
    this.service = service;
    this.articles = articles;
    this.json = json;
    this.mapper = mapper;
    this.entityManager = entityManager;
    this.dataSource = dataSource;
  }

  void onStart(@Observes StartupEvent event) {
    if (config.demoContent() && !loadedBefore()) {
      load();
    }
  }

  /** Loads the article unless another instance starting at the same time claimed it first. */
  @Transactional
  void load() {
    if (!claimFirstLoad()) {
      return;
    }
    ObjectNode seed = readSeed();
    long originalId = seed.remove("legacyId").asLong();
    ArticleView created = service.create(json.bind(seed, ArticleInput.class));
    if (articles.findByIdOptional(originalId).isEmpty()) {
      articles.moveToId(created.id(), originalId);
    }
    LOG.infof("Loaded the demo article %d (%s)", originalId, created.slug());
  }

  /**
   * Whether the article was loaded on this database before: one plain statement, so that the usual
   * start (every start but the first) opens no transaction and no ORM session.
   */
  private boolean loadedBefore() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("select 1 from gazette_meta where key = ?")) {
      statement.setString(1, MARKER);
      try (ResultSet row = statement.executeQuery()) {
        return row.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the demo content marker failed", e);
    }
  }

  /** True for exactly one start per database, even with several instances starting at once. */
  private boolean claimFirstLoad() {
    return entityManager
            .createNativeQuery(
                "insert into gazette_meta (key, value) values (?1, 'true') on conflict do nothing")
            .setParameter(1, MARKER)
            .executeUpdate()
        == 1;
  }

  private ObjectNode readSeed() {
    try (InputStream in = DemoContent.class.getResourceAsStream(RESOURCE)) {
      return (ObjectNode) mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("The demo article is missing from the build", e);
    }
  }
}
