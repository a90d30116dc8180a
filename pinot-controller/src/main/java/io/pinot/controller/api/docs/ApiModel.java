// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api.docs;

import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.glassfish.jersey.model.Parameter.Source;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/// Reads the endpoints of JAX-RS resource classes from Jersey's own resource model (the one that routes the
/// requests), so the API document cannot list a path the server does not serve, or miss one it does.
public final class ApiModel {
  private ApiModel() {
  }

  /// Every endpoint of `resourceClasses`, sorted by path then method; classes and methods marked
  /// [HiddenFromApiDocs] and classes that are not resources are left out.
  public static List<ApiOperation> operations(List<Class<?>> resourceClasses) {
    List<ApiOperation> operations = new ArrayList<>();
    for (Class<?> type : resourceClasses) {
      if (type.isAnnotationPresent(HiddenFromApiDocs.class) || !Resource.isAcceptable(type)) {
        continue;
      }
      Resource resource = Resource.from(type);
      if (resource == null) {
        continue;
      }
      String base = resource.getPath() == null ? "" : resource.getPath();
      add(operations, base, resource.getResourceMethods());
      for (Resource child : resource.getChildResources()) {
        add(operations, base + "/" + child.getPath(), child.getResourceMethods());
      }
    }
    operations.sort(Comparator.comparing(ApiOperation::path).thenComparing(ApiOperation::httpMethod));
    return operations;
  }

  private static void add(List<ApiOperation> into, String path, List<ResourceMethod> methods) {
    for (ResourceMethod method : methods) {
      java.lang.reflect.Method handler = method.getInvocable().getDefinitionMethod();
      if (handler.isAnnotationPresent(HiddenFromApiDocs.class)) {
        continue;
      }
      List<ApiOperation.ApiParameter> parameters = new ArrayList<>();
      boolean hasBody = false;
      for (Parameter parameter : method.getInvocable().getParameters()) {
        Source source = parameter.getSource();
        String in = switch (source) {
          case PATH -> "path";
          case QUERY -> "query";
          case HEADER -> "header";
          default -> null;
        };
        if (in != null) {
          parameters.add(new ApiOperation.ApiParameter(parameter.getSourceName(), in, parameter.getRawType(),
              parameter.getDefaultValue()));
        } else if (source == Source.ENTITY || source == Source.FORM || source == Source.UNKNOWN) {
          hasBody = true;
        }
      }
      into.add(new ApiOperation(method.getHttpMethod(), normalize(path), handler.getDeclaringClass().getSimpleName()
          + "." + handler.getName(), parameters, names(method.getConsumedTypes()), names(method.getProducedTypes()),
          hasBody));
    }
  }

  private static List<String> names(List<MediaType> types) {
    List<String> names = new ArrayList<>(types.size());
    for (MediaType type : types) {
      names.add(type.getType() + "/" + type.getSubtype());
    }
    return names;
  }

  /// `/segments//{tableName: .+}/` → `/segments/{tableName}`: one slash between parts, no regular expressions in
  /// templates, no trailing slash.
  static String normalize(String path) {
    StringBuilder out = new StringBuilder(path.length() + 1);
    int depth = 0;
    boolean inRegex = false;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (inRegex) {
        if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          inRegex = false;
          out.append('}');
        }
        continue;
      }
      if (c == '{') {
        depth = 1;
      } else if (c == '}') {
        depth = 0;
      } else if (depth > 0 && (c == ':' || c == ' ')) {
        inRegex = c == ':';
        continue;
      } else if (c == '/' && !out.isEmpty() && out.charAt(out.length() - 1) == '/') {
        continue;
      }
      if (out.isEmpty() && c != '/') {
        out.append('/');
      }
      out.append(c);
    }
    if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
      out.setLength(out.length() - 1);
    }
    return out.isEmpty() ? "/" : out.toString();
  }
}
