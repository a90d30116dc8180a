// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api.docs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/// Leaves a resource class or method out of the OpenAPI document at `/openapi.json`: for routes that serve the
/// web UI's files rather than an API (the UI pages, their scripts and the Swagger UI's own files).
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface HiddenFromApiDocs {
}
