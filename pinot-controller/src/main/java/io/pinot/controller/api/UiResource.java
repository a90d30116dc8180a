// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.controller.api.docs.HiddenFromApiDocs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/// The controller's web UI (the Query Console, Cluster Manager and ZooKeeper browser): `GET /` answers the single
/// page, `GET /ui/{path}` its scripts and styles (classpath `io/pinot/controller/ui/`), and `GET /webjars/{path}` the
/// third-party libraries packaged as webjars (classpath `META-INF/resources/webjars/`). A webjar path may leave out
/// the version (`/webjars/codemirror/lib/codemirror.js`); the version on the classpath is then used.
///
/// Paths are checked before any lookup: only plain segments of letters, digits, `.`, `_`, `-` and `+`, never `.` or
/// `..`, so nothing outside those two classpath folders can be read. Versioned webjar files are cached for a year;
/// everything else is revalidated with an ETag. Thread-safe; the per-file cache only holds immutable entries.
///
/// Routes of this class are the UI's, not REST endpoints: the OpenAPI description leaves them out.
@HiddenFromApiDocs
@Path("/")
public final class UiResource {
  static final String UI_ROOT = "io/pinot/controller/ui/";
  static final String WEBJARS_ROOT = "META-INF/resources/webjars/";
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_+\\-][A-Za-z0-9._+\\-]*");
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final String REVALIDATE = "no-cache";
  private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("json", "application/json; charset=utf-8"),
      Map.entry("map", "application/json; charset=utf-8"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("md", "text/plain; charset=utf-8"),
      Map.entry("woff", "font/woff"),
      Map.entry("woff2", "font/woff2"));

  private final ClassLoader classLoader = UiResource.class.getClassLoader();
  private final Map<String, Asset> cache = new ConcurrentHashMap<>();
  private final Map<String, String> webjarVersions = new ConcurrentHashMap<>();

  @GET
  public Response index(@HeaderParam(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
    return serve(UI_ROOT + "index.html", REVALIDATE, ifNoneMatch);
  }

  @GET
  @Path("ui/{path: .+}")
  public Response asset(@PathParam("path") String path,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
    return serve(UI_ROOT + checked(path), REVALIDATE, ifNoneMatch);
  }

  @GET
  @Path("webjars/{path: .+}")
  public Response webjar(@PathParam("path") String path,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
    String safe = checked(path);
    int slash = safe.indexOf('/');
    if (slash <= 0) {
      throw notFound(path);
    }
    String name = safe.substring(0, slash);
    String version = webjarVersion(name);
    String rest = safe.substring(slash + 1);
    if (version != null && !rest.startsWith(version + "/")) {
      // Version-less form: resolve to the version on the classpath; revalidate since the version may change.
      return serve(WEBJARS_ROOT + name + "/" + version + "/" + rest, REVALIDATE, ifNoneMatch);
    }
    return serve(WEBJARS_ROOT + safe, IMMUTABLE, ifNoneMatch);
  }

  /// The content type answered for a file name (by its extension).
  static String contentType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }

  /// `path` if every segment is a plain name; a 404 otherwise (`..`, `.`, empty segments, backslashes, control
  /// characters or anything percent-decoded into those).
  static String checked(String path) {
    if (path.isEmpty() || path.length() > 512) {
      throw notFound(path);
    }
    for (String segment : path.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
        throw notFound(path);
      }
    }
    return path;
  }

  private Response serve(String resource, String cacheControl, @Nullable String ifNoneMatch) {
    Asset asset = cache.computeIfAbsent(resource, this::load);
    if (asset.bytes() == null) {
      cache.remove(resource);
      throw notFound(resource.startsWith(UI_ROOT) ? "ui/" + resource.substring(UI_ROOT.length())
          : "webjars/" + resource.substring(WEBJARS_ROOT.length()));
    }
    EntityTag tag = new EntityTag(asset.etag());
    if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + asset.etag() + "\"") || ifNoneMatch.equals("*"))) {
      return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }
    return Response.ok(asset.bytes(), contentType(resource)).tag(tag)
        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private Asset load(String resource) {
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      if (in == null) {
        return new Asset(null, "");
      }
      byte[] bytes = in.readAllBytes();
      return new Asset(bytes, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read UI resource " + resource, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /// The version of webjar `name` on the classpath (from its Maven `pom.properties`), or null if none is there.
  private @Nullable String webjarVersion(String name) {
    String known = webjarVersions.get(name);
    if (known != null) {
      return known;
    }
    for (String group : new String[] {"org.webjars.npm", "org.webjars"}) {
      try (InputStream in = classLoader.getResourceAsStream(
          "META-INF/maven/" + group + "/" + name + "/pom.properties")) {
        if (in != null) {
          Properties properties = new Properties();
          properties.load(in);
          String version = properties.getProperty("version");
          if (version != null) {
            webjarVersions.put(name, version);
            return version;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the version of webjar " + name, e);
      }
    }
    return null;
  }

  private static RestException notFound(String path) {
    return RestException.notFound("Not found: /" + (path.length() > 200 ? path.substring(0, 200) + "..." : path));
  }

  /// One classpath file and its ETag; `bytes` is null when there is no such file.
  private record Asset(byte @Nullable [] bytes, String etag) {
  }
}
