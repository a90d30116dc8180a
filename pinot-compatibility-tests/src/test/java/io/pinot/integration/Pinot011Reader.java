// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/// Apache Pinot 0.11's DataTable reader (`org.apache.pinot.core.common.datatable.DataTableFactory`, the classes
/// PrestoDB's connector links), loaded from the published 0.11.0 jars in a class loader of its own that looks at them
/// first, so that it lives beside the 1.3.0 classes of the same names. The build copies the jars to
/// `target/pinot-0.11` (maven-dependency-plugin); nothing of 0.11 is on the test class path.
final class Pinot011Reader implements AutoCloseable {
  private final URLClassLoader loader;
  private final Method getDataTable;

  Pinot011Reader(Path jarDir) throws IOException, ReflectiveOperationException {
    List<URL> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(jarDir)) {
      for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
        jars.add(jar.toUri().toURL());
      }
    }
    if (jars.isEmpty()) {
      throw new IOException("No Pinot 0.11 jars in " + jarDir + "; build the module with Maven first");
    }
    loader = new PinotFirstLoader(jars.toArray(new URL[0]), Pinot011Reader.class.getClassLoader());
    getDataTable = loader.loadClass("org.apache.pinot.core.common.datatable.DataTableFactory")
        .getMethod("getDataTable", ByteBuffer.class);
  }

  /// Loads `org.apache.pinot.*` from the 0.11 jars, everything else from the parent.
  private static final class PinotFirstLoader extends URLClassLoader {
    PinotFirstLoader(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("org.apache.pinot.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = findClass(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }

  /// What the 0.11 reader made of one payload.
  record Decoded(int numRows, List<String> rows, Map<String, String> metadata, Map<Integer, String> exceptions) {
  }

  /// Decodes a payload and reads every cell with the getter for its column type, as [PublishedRows] does.
  @SuppressWarnings("unchecked")
  Decoded decode(byte[] payload) throws ReflectiveOperationException {
    Object table = getDataTable.invoke(null, ByteBuffer.wrap(payload));
    Class<?> type = table.getClass();
    int numRows = (int) type.getMethod("getNumberOfRows").invoke(table);
    Map<String, String> metadata = (Map<String, String>) type.getMethod("getMetadata").invoke(table);
    Map<Integer, String> exceptions = (Map<Integer, String>) type.getMethod("getExceptions").invoke(table);
    Object schema = type.getMethod("getDataSchema").invoke(table);
    List<String> rows = new ArrayList<>();
    if (schema != null) {
      int columns = (int) schema.getClass().getMethod("size").invoke(schema);
      Method columnType = schema.getClass().getMethod("getColumnDataType", int.class);
      for (int r = 0; r < numRows; r++) {
        StringBuilder row = new StringBuilder();
        for (int c = 0; c < columns; c++) {
          if (c > 0) {
            row.append('|');
          }
          String name = ((Enum<?>) columnType.invoke(schema, c)).name();
          row.append(cell(type, table, name, r, c));
        }
        rows.add(row.toString());
      }
    }
    return new Decoded(numRows, rows, metadata, exceptions);
  }

  private static String cell(Class<?> type, Object table, String columnType, int row, int column)
      throws ReflectiveOperationException {
    return switch (columnType) {
      case "INT" -> Long.toString((int) call(type, table, "getInt", row, column));
      case "LONG" -> Long.toString((long) call(type, table, "getLong", row, column));
      case "DOUBLE" -> Double.toString((double) call(type, table, "getDouble", row, column));
      case "BOOLEAN" -> Boolean.toString((int) call(type, table, "getInt", row, column) != 0);
      case "STRING" -> (String) call(type, table, "getString", row, column);
      case "BYTES" -> {
        Object bytes = call(type, table, "getBytes", row, column);
        yield (String) bytes.getClass().getMethod("toHexString").invoke(bytes);
      }
      case "STRING_ARRAY" -> Arrays.toString((String[]) call(type, table, "getStringArray", row, column));
      case "INT_ARRAY" -> Arrays.toString((int[]) call(type, table, "getIntArray", row, column));
      default -> throw new IllegalArgumentException("Unexpected column type " + columnType);
    };
  }

  private static Object call(Class<?> type, Object table, String getter, int row, int column)
      throws ReflectiveOperationException {
    return type.getMethod(getter, int.class, int.class).invoke(table, row, column);
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
