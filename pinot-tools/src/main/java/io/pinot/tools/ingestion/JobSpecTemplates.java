// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/// `${name}` templating of job spec files, as `LaunchDataIngestionJob -values year=2014 month=01` and
/// `-propertyFile job.properties` do in Apache Pinot. Values come from the environment (lowest precedence),
/// then the property file, then `-values`. A variable with no value is an error naming it, rather than
/// text left in the spec. `$${name}` writes a literal `${name}`.
public final class JobSpecTemplates {
  private static final Pattern VARIABLE = Pattern.compile("\\$?\\$\\{([A-Za-z_][A-Za-z0-9_.\\-]*)}");

  private JobSpecTemplates() {
  }

  /// Replaces every `${name}` in `template` with its value in `context`.
  ///
  /// @throws IllegalArgumentException naming every variable that has no value
  public static String render(String template, Map<String, String> context) {
    Matcher matcher = VARIABLE.matcher(template);
    StringBuilder rendered = new StringBuilder(template.length());
    Set<String> missing = new TreeSet<>();
    while (matcher.find()) {
      String name = matcher.group(1);
      String replacement;
      if (matcher.group().startsWith("$$")) {
        replacement = "${" + name + "}";
      } else {
        String value = context.get(name);
        if (value == null) {
          missing.add(name);
          value = "";
        }
        replacement = value;
      }
      matcher.appendReplacement(rendered, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(rendered);
    if (!missing.isEmpty()) {
      StringBuilder names = new StringBuilder();
      StringBuilder example = new StringBuilder();
      for (String name : missing) {
        names.append(names.isEmpty() ? "" : ", ").append("${").append(name).append('}');
        example.append(example.isEmpty() ? "" : " ").append(name).append("=...");
      }
      throw new IllegalArgumentException("The job spec uses " + names + " but no value was given: pass -values "
          + example + " or a -propertyFile");
    }
    return rendered.toString();
  }

  /// The template context: environment variables, then the property file's entries, then `k=v` values.
  ///
  /// @throws IllegalArgumentException when a value has no `=`
  public static Map<String, String> context(List<String> values, @Nullable Path propertyFile,
      Map<String, String> environment) throws IOException {
    Map<String, String> context = new LinkedHashMap<>(environment);
    if (propertyFile != null) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(propertyFile, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      for (String name : properties.stringPropertyNames()) {
        context.put(name, properties.getProperty(name));
      }
    }
    context.putAll(parseValues(values));
    return context;
  }

  /// Parses `-values` entries (`year=2014`); a value may itself contain `=`.
  public static Map<String, String> parseValues(List<String> values) {
    Map<String, String> parsed = new LinkedHashMap<>();
    for (String entry : values) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("Invalid -values entry '" + entry + "': use name=value");
      }
      parsed.put(entry.substring(0, equals).trim(), entry.substring(equals + 1));
    }
    return parsed;
  }
}
