// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinotConfigurationTest {
  private enum Keys implements ConfigKey {
    PORT("node.port", "9000", List.of("node.legacy.port")),
    FLAG("node.flag", "false", List.of());

    private final String key;
    private final String defaultValue;
    private final List<String> aliases;

    Keys(String key, String defaultValue, List<String> aliases) {
      this.key = key;
      this.defaultValue = defaultValue;
      this.aliases = aliases;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public String defaultValue() {
      return defaultValue;
    }

    @Override
    public List<String> aliases() {
      return aliases;
    }
  }

  @TempDir
  Path dir;

  @Test
  void defaultsAliasesAndOverrides() throws Exception {
    PinotConfiguration empty = PinotConfiguration.empty();
    assertThat(empty.getInt(Keys.PORT)).isEqualTo(9000);
    assertThat(empty.getBoolean(Keys.FLAG)).isFalse();
    PinotConfiguration legacy = empty.with("node.legacy.port", "7000");
    assertThat(legacy.getInt(Keys.PORT)).isEqualTo(7000);
    assertThat(legacy.with("node.port", 8000).getInt(Keys.PORT)).isEqualTo(8000);

    Path file = Files.writeString(dir.resolve("node.conf"), "node.port = 1234\n# comment\nnode.flag=true\n");
    PinotConfiguration fromFile = PinotConfiguration.fromFile(file);
    assertThat(fromFile.getInt(Keys.PORT)).isEqualTo(1234);
    assertThat(fromFile.getBoolean(Keys.FLAG)).isTrue();
    assertThat(fromFile.with(Map.of("node.port", "1")).getInt(Keys.PORT)).isEqualTo(1);
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> PinotConfiguration.empty().with("node.port", "abc").getInt(Keys.PORT))
        .hasMessageContaining("node.port").hasMessageContaining("abc");
    assertThatThrownBy(() -> PinotConfiguration.empty().with("node.flag", "yes").getBoolean(Keys.FLAG))
        .hasMessageContaining("node.flag");
  }
}
