// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.helix;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.helix.AccessOption;
import org.apache.helix.BaseDataAccessor;
import org.apache.helix.HelixManager;
import org.apache.helix.zookeeper.datamodel.ZNRecord;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

/// Reads and writes ZooKeeper nodes by absolute path (from ZooKeeper's root, e.g. `/<cluster>/IDEALSTATES/t_OFFLINE`)
/// through the controller's Helix connection, for Apache Pinot's ZooKeeper browser (`/zk/...`). Records are returned
/// as plain maps in Helix's ZNRecord JSON shape (`id`, `simpleFields`, `mapFields`, `listFields`) and stats as
/// ZooKeeper's `Stat` fields, so that callers need no Helix or ZooKeeper types. Thread-safe.
public final class ZkBrowser {
  private static final Set<String> RECORD_KEYS = Set.of("id", "simpleFields", "mapFields", "listFields");
  private static final Set<Integer> ACCESS_OPTIONS = Set.of(AccessOption.PERSISTENT, AccessOption.EPHEMERAL,
      AccessOption.PERSISTENT_SEQUENTIAL, AccessOption.EPHEMERAL_SEQUENTIAL);

  private final BaseDataAccessor<ZNRecord> accessor;

  public ZkBrowser(HelixManager manager) {
    this.accessor = manager.getHelixDataAccessor().getBaseDataAccessor();
  }

  /// The node's stat fields, or null when the node does not exist.
  public @Nullable Map<String, Object> stat(String path) {
    Stat stat = accessor.getStat(path, AccessOption.PERSISTENT);
    return stat == null ? null : statFields(stat);
  }

  /// The node's record, or null when it holds no ZNRecord (no data, or data of another form).
  public @Nullable Map<String, Object> get(String path) {
    ZNRecord record;
    try {
      record = accessor.get(path, null, AccessOption.PERSISTENT);
    } catch (RuntimeException e) {
      return null;
    }
    return record == null ? null : recordFields(record);
  }

  /// The names of the node's children (empty when it has none).
  public List<String> childNames(String path) {
    List<String> names = accessor.getChildNames(path, AccessOption.PERSISTENT);
    return names == null ? List.of() : names;
  }

  /// The records of the node's children that hold one.
  public List<Map<String, Object>> children(String path) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (String name : childNames(path)) {
      Map<String, Object> record = get(childPath(path, name));
      if (record != null) {
        result.add(record);
      }
    }
    return result;
  }

  /// Child name → stat fields, for each child.
  public Map<String, Object> childStats(String path) {
    List<String> names = childNames(path);
    List<String> paths = new ArrayList<>(names.size());
    for (String name : names) {
      paths.add(childPath(path, name));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    if (paths.isEmpty()) {
      return result;
    }
    Stat[] stats = accessor.getStats(paths, AccessOption.PERSISTENT);
    for (int i = 0; i < names.size(); i++) {
      result.put(names.get(i), stats[i] == null ? null : statFields(stats[i]));
    }
    return result;
  }

  /// Writes a record given as ZNRecord JSON; false when `expectedVersion` (-1 for any) does not match the node's.
  ///
  /// @throws IllegalArgumentException when `json` is not a ZNRecord or the access option is unknown
  public boolean set(String path, String json, int expectedVersion, int accessOption) {
    if (!ACCESS_OPTIONS.contains(accessOption)) {
      throw new IllegalArgumentException("Invalid accessOption " + accessOption + ": use 1 (PERSISTENT), "
          + "2 (EPHEMERAL), 4 (PERSISTENT_SEQUENTIAL) or 8 (EPHEMERAL_SEQUENTIAL)");
    }
    ZNRecord record = parseRecord(json);
    try {
      return accessor.set(path, record, expectedVersion, accessOption);
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof KeeperException.BadVersionException) {
          return false;
        }
      }
      throw e;
    }
  }

  /// Deletes the node and everything under it; false when ZooKeeper refused.
  public boolean delete(String path) {
    return accessor.remove(path, AccessOption.PERSISTENT);
  }

  /// Parses Helix's ZNRecord JSON: `id` is required; the field maps are optional; nothing else is accepted.
  static ZNRecord parseRecord(String json) {
    JsonNode node = JsonUtils.parse(json);
    if (!node.isObject()) {
      throw new IllegalArgumentException("The data must be a ZNRecord JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!RECORD_KEYS.contains(name)) {
        throw new IllegalArgumentException("Unknown ZNRecord field[" + name + "]: use id, simpleFields, mapFields "
            + "and listFields");
      }
    }
    JsonNode id = node.get("id");
    if (id == null || !id.isTextual() || id.asText().isEmpty()) {
      throw new IllegalArgumentException("The ZNRecord needs an 'id'");
    }
    ZNRecord record = new ZNRecord(id.asText());
    record.setSimpleFields(field(node, "simpleFields", new TypeReference<Map<String, String>>() { }));
    record.setMapFields(field(node, "mapFields", new TypeReference<Map<String, Map<String, String>>>() { }));
    record.setListFields(field(node, "listFields", new TypeReference<Map<String, List<String>>>() { }));
    return record;
  }

  private static <T> Map<String, T> field(JsonNode node, String name, TypeReference<Map<String, T>> type) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return new LinkedHashMap<>();
    }
    try {
      return new LinkedHashMap<>(JsonUtils.MAPPER.readerFor(type).readValue(value));
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalArgumentException("Invalid ZNRecord field[" + name + "]: " + e.getMessage(), e);
    }
  }

  static Map<String, Object> recordFields(ZNRecord record) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", record.getId());
    fields.put("simpleFields", record.getSimpleFields());
    fields.put("mapFields", record.getMapFields());
    fields.put("listFields", record.getListFields());
    return fields;
  }

  private static Map<String, Object> statFields(Stat stat) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("czxid", stat.getCzxid());
    fields.put("mzxid", stat.getMzxid());
    fields.put("ctime", stat.getCtime());
    fields.put("mtime", stat.getMtime());
    fields.put("version", stat.getVersion());
    fields.put("cversion", stat.getCversion());
    fields.put("aversion", stat.getAversion());
    fields.put("ephemeralOwner", stat.getEphemeralOwner());
    fields.put("dataLength", stat.getDataLength());
    fields.put("numChildren", stat.getNumChildren());
    fields.put("pzxid", stat.getPzxid());
    return fields;
  }

  private static String childPath(String parent, String name) {
    return parent.endsWith("/") ? parent + name : parent + "/" + name;
  }
}
