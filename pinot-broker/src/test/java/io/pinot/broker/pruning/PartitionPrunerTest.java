// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.pruning;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Predicate;
import io.pinot.segment.partition.PartitionFunction;
import io.pinot.spi.config.table.ColumnPartitionConfig;
import io.pinot.spi.data.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionPrunerTest {
  private static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "t", "dimensionFieldSpecs": [{"name": "member", "dataType": "INT"},
       {"name": "city", "dataType": "STRING"}, {"name": "score", "dataType": "DOUBLE"}]}""", Schema.class);
  private static final Identifier MEMBER = new Identifier("member");
  private static final Identifier CITY = new Identifier("city");

  /// A segment whose `member` values fall in Modulo-8 partition 3 and whose `city` values in the Murmur-4
  /// partition of "paris".
  private static SegmentPartitionInfo segment() {
    int paris = PartitionFunction.of(new ColumnPartitionConfig("Murmur", 4, null, Map.of())).partition("paris");
    return SegmentPartitionInfo.parse("{\"columnPartitionMap\": {"
        + "\"member\": {\"functionName\": \"Modulo\", \"numPartitions\": 8, \"partitions\": [3], "
        + "\"functionConfig\": null},"
        + "\"city\": {\"functionName\": \"Murmur\", \"numPartitions\": 4, \"partitions\": [" + paris + "]}}}");
  }

  @Test
  void equalityAndInOnPartitionedColumnsPrune() {
    SegmentPartitionInfo info = segment();
    assertThat(PartitionPruner.canMatch(new Predicate.Eq(MEMBER, new BigDecimal("11")), info, SCHEMA)).isTrue();
    assertThat(PartitionPruner.canMatch(new Predicate.Eq(MEMBER, new BigDecimal("12")), info, SCHEMA)).isFalse();
    assertThat(PartitionPruner.canMatch(new Predicate.Eq(MEMBER, "19"), info, SCHEMA)).isTrue();
    assertThat(PartitionPruner.canMatch(new Predicate.In(MEMBER, List.of(new BigDecimal(1), new BigDecimal(2))),
        info, SCHEMA)).isFalse();
    assertThat(PartitionPruner.canMatch(new Predicate.In(MEMBER, List.of(new BigDecimal(1), new BigDecimal(27))),
        info, SCHEMA)).isTrue();
    assertThat(PartitionPruner.canMatch(new Predicate.Eq(CITY, "paris"), info, SCHEMA)).isTrue();
    boolean berlinElsewhere = PartitionFunction.of(new ColumnPartitionConfig("Murmur", 4, null, Map.of()))
        .partition("berlin") != PartitionFunction.of(new ColumnPartitionConfig("Murmur", 4, null, Map.of()))
        .partition("paris");
    assertThat(PartitionPruner.canMatch(new Predicate.Eq(CITY, "berlin"), info, SCHEMA))
        .isEqualTo(!berlinElsewhere);
  }

  @Test
  void booleanStructureAndUnprunablePredicatesAreConservative() {
    SegmentPartitionInfo info = segment();
    FilterNode miss = new Predicate.Eq(MEMBER, new BigDecimal("12"));
    FilterNode hit = new Predicate.Eq(MEMBER, new BigDecimal("3"));
    FilterNode other = new Predicate.Range(new Identifier("score"), new BigDecimal(1), true, null, false);
    assertThat(PartitionPruner.canMatch(new FilterNode.And(List.of(hit, miss)), info, SCHEMA)).isFalse();
    assertThat(PartitionPruner.canMatch(new FilterNode.And(List.of(other, hit)), info, SCHEMA)).isTrue();
    assertThat(PartitionPruner.canMatch(new FilterNode.Or(List.of(miss, other)), info, SCHEMA)).isTrue();
    assertThat(PartitionPruner.canMatch(new FilterNode.Or(List.of(miss, miss)), info, SCHEMA)).isFalse();
    assertThat(PartitionPruner.canMatch(new FilterNode.Not(miss), info, SCHEMA)).isTrue();
    assertThat(PartitionPruner.canMatch(null, info, SCHEMA)).isTrue();
    assertThat(PartitionPruner.canMatch(new Predicate.Eq(MEMBER, new BigDecimal("3.5")), info, SCHEMA))
        .as("a value that no INT equals is not used to prune").isTrue();
    assertThat(PartitionPruner.canMatch(new Predicate.Eq(new Identifier("score"), new BigDecimal("2")), info,
        SCHEMA)).isTrue();
  }

  @Test
  void malformedOrUnknownPartitionRecordsAreIgnored() {
    assertThat(SegmentPartitionInfo.parse(null)).isNull();
    assertThat(SegmentPartitionInfo.parse("not json")).isNull();
    assertThat(SegmentPartitionInfo.parse("{\"columnPartitionMap\": {\"member\": {\"functionName\": \"Nope\", "
        + "\"numPartitions\": 8, \"partitions\": [1]}}}")).isNull();
  }
}
