// SPDX-License-Identifier: Apache-2.0
/// Ingestion-time processing of a table's `ingestionConfig`: [io.pinot.segment.ingestion.IngestionPipeline] is
/// built once per table from its table config and schema and decorates any record reader
/// ([io.pinot.segment.ingestion.TransformingRecordReader]) with complex-type flattening/unnesting, transforms,
/// the filter, coercion to the schema and the row time check. Batch jobs wrap each input file's reader; a stream
/// consumer wraps its decoder's records the same way. Expressions are parsed by
/// [io.pinot.segment.ingestion.ExpressionParser] and evaluated by
/// [io.pinot.segment.ingestion.CompiledExpression] over the functions of `io.pinot.common.function`.
package io.pinot.segment.ingestion;
