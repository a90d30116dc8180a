// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.env;

import java.util.List;

/// One configuration key of a component: its Apache Pinot name, default value (as text; empty for
/// none) and legacy aliases. Each component declares its keys in one enum implementing this interface.
public interface ConfigKey {
  String key();

  String defaultValue();

  default List<String> aliases() {
    return List.of();
  }
}
