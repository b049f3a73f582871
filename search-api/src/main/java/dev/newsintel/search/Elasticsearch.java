package dev.newsintel.search;

import java.net.URI;

import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;

import dev.newsintel.events.Json;

/** The Elasticsearch client, configured once: our JSON mapper, timeouts that fail fast when ES is gone. */
public final class Elasticsearch {
    private Elasticsearch() {
    }

    public static ElasticsearchClient connect(String url) {
        URI uri = URI.create(url);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Not an Elasticsearch URL (want http://host:port): " + url);
        }
        RestClient rest = RestClient.builder(new HttpHost(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 9200,
                        uri.getScheme() == null ? "http" : uri.getScheme()))
                .setRequestConfigCallback(config -> config.setConnectTimeout(5_000).setSocketTimeout(60_000))
                .build();
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(Json.MAPPER)));
    }
}
