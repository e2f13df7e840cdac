package io.shelfstream.protocols.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Replaces (or, for null, removes) a child of the {@code container}-th object or array. */
record Mutation(int container, int child, JsonNode replacement) {
  void applyTo(JsonNode tree) {
    List<JsonNode> containers = new ArrayList<>();
    collect(tree, containers);
    JsonNode target = containers.get(container % containers.size());
    if (target.isEmpty()) {
      return;
    }
    int index = child % target.size();
    if (target instanceof ObjectNode object) {
      String name = List.copyOf(iterable(object.fieldNames())).get(index);
      if (replacement == null) {
        object.remove(name);
      } else {
        object.set(name, replacement);
      }
    } else if (replacement == null) {
      ((ArrayNode) target).remove(index);
    } else {
      ((ArrayNode) target).set(index, replacement);
    }
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.forEach(child -> collect(child, containers));
    }
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> all = new ArrayList<>();
    names.forEachRemaining(all::add);
    return all;
  }
}
