package dev.newsintel.enrich.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over token keys: finds, at a position of a token list, the longest entry that starts there, in time
 * proportional to that entry's length. One trie holds every gazetteer entry; lookups never allocate.
 *
 * @param <V> what an entry stands for
 */
final class TokenTrie<V> {
    private final Node<V> root = new Node<>();
    private int size;

    private static final class Node<V> {
        Map<String, Node<V>> children;
        List<V> values;
    }

    void add(List<String> keys, V value) {
        if (keys.isEmpty()) {
            return;
        }
        Node<V> node = root;
        for (String k : keys) {
            if (node.children == null) {
                node.children = new HashMap<>(4);
            }
            node = node.children.computeIfAbsent(k, x -> new Node<>());
        }
        if (node.values == null) {
            node.values = new ArrayList<>(1);
        }
        if (!node.values.contains(value)) {
            node.values.add(value);
            size++;
        }
    }

    int size() {
        return size;
    }

    /** The longest match starting at token {@code from}: its length in tokens and its values, or null. */
    Match<V> longest(List<NameTokens.NameToken> tokens, int from) {
        Node<V> node = root;
        Match<V> best = null;
        for (int i = from; i < tokens.size(); i++) {
            if (node.children == null) {
                break;
            }
            node = node.children.get(tokens.get(i).key());
            if (node == null) {
                break;
            }
            if (node.values != null) {
                best = new Match<>(i - from + 1, node.values);
            }
        }
        return best;
    }

    /** Exact lookup of a whole phrase. */
    List<V> get(List<String> keys) {
        Node<V> node = root;
        for (String k : keys) {
            if (node.children == null || (node = node.children.get(k)) == null) {
                return List.of();
            }
        }
        return node.values == null ? List.of() : node.values;
    }

    record Match<V>(int length, List<V> values) {
    }
}
