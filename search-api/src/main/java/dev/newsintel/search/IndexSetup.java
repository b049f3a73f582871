package dev.newsintel.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

/**
 * Applies the index templates in the repo and creates each current index version with its alias. Idempotent:
 * run at every start.
 */
public final class IndexSetup {
    private static final Logger LOG = LoggerFactory.getLogger(IndexSetup.class);

    private IndexSetup() {
    }

    public static void apply(ElasticsearchClient client) {
        for (IndexKind kind : IndexKind.values()) {
            apply(client, kind);
        }
    }

    static void apply(ElasticsearchClient client, IndexKind kind) {
        try (InputStream template = IndexSetup.class.getResourceAsStream(kind.templateResource())) {
            if (template == null) {
                throw new IllegalStateException("Index template missing from the jar: " + kind.templateResource());
            }
            client.indices().putIndexTemplate(r -> r.name(kind.templateName()).withJson(template));
            boolean aliasExists = client.indices().existsAlias(r -> r.name(kind.alias())).value();
            if (!aliasExists) {
                try {
                    client.indices().create(r -> r.index(kind.index())
                            .aliases(kind.alias(), a -> a.isWriteIndex(true)));
                    LOG.info("Created index {} behind alias {}", kind.index(), kind.alias());
                } catch (ElasticsearchException e) {
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not set up index " + kind.alias(), e);
        }
    }
}
