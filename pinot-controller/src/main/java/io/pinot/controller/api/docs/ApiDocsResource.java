// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api.docs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pinot.common.http.RestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/// The controller's API documentation: the OpenAPI document at `/openapi.json` (and at `/swagger.json`, where
/// Apache Pinot serves its own), and the Swagger UI at `/help`, as in Pinot, with "Try it out" on every endpoint.
/// The Swagger UI's files come from the `org.webjars:swagger-ui` jar.
@Path("/")
public final class ApiDocsResource {
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, String> UI_FILES = Map.of(
      "swagger-ui.css", "text/css",
      "swagger-ui-bundle.js", "text/javascript",
      "swagger-ui-standalone-preset.js", "text/javascript",
      "favicon-16x16.png", "image/png",
      "favicon-32x32.png", "image/png");

  private final List<Class<?>> resourceClasses;
  private final String swaggerUiVersion;
  private volatile ObjectNode document;

  private ApiDocsResource(List<Class<?>> resourceClasses) {
    this.resourceClasses = List.copyOf(resourceClasses);
    this.swaggerUiVersion = webjarVersion();
  }

  /// The documentation of `resourceClasses`: the controller's registered resources, this one included. (A factory,
  /// not a public constructor, so that Jersey does not try to inject the list.)
  public static ApiDocsResource of(List<Class<?>> resourceClasses) {
    return new ApiDocsResource(resourceClasses);
  }

  @GET
  @Path("openapi.json")
  @Produces(MediaType.APPLICATION_JSON)
  public ObjectNode openApi() {
    ObjectNode built = document;
    if (built == null) {
      String version = ApiDocsResource.class.getPackage().getImplementationVersion();
      built = OpenApiDocument.build(ApiModel.operations(resourceClasses), version == null ? "dev" : version);
      document = built;
    }
    return built;
  }

  @GET
  @Path("swagger.json")
  @Produces(MediaType.APPLICATION_JSON)
  public ObjectNode swaggerJson() {
    return openApi();
  }

  @GET
  @Path("help")
  @Produces(MediaType.TEXT_HTML)
  @HiddenFromApiDocs
  public Response help() {
    return file(ApiDocsResource.class.getResourceAsStream("help.html"), MediaType.TEXT_HTML, false);
  }

  @GET
  @Path("help/{file}")
  @HiddenFromApiDocs
  public Response helpFile(@PathParam("file") String name) {
    if (name.equals("help.js")) {
      return file(ApiDocsResource.class.getResourceAsStream("help.js"), "text/javascript", false);
    }
    String type = UI_FILES.get(name);
    if (type == null) {
      throw RestException.notFound("No such file: /help/" + name);
    }
    InputStream in = ApiDocsResource.class.getClassLoader()
        .getResourceAsStream(WEBJAR + swaggerUiVersion + "/" + name);
    return file(in, type, true);
  }

  private static Response file(InputStream in, String type, boolean immutable) {
    if (in == null) {
      throw RestException.notFound("The API documentation's files are missing from the controller's class path");
    }
    CacheControl cache = new CacheControl();
    if (immutable) {
      cache.setMaxAge(86_400);
    } else {
      cache.setNoCache(true);
    }
    try (in) {
      return Response.ok(in.readAllBytes(), type).cacheControl(cache).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String webjarVersion() {
    try (InputStream in = ApiDocsResource.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        return "missing";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "missing");
    } catch (IOException e) {
      return "missing";
    }
  }
}
