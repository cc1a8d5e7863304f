import pl from "nodejs-polars";
import { DataError } from "../util/data-error";
import { ROW, requireColumns } from "./frame-access";

const FILL = "__from_item_value__";
const NEG_COUNT = "__from_item_neg_count__";

/**
 * The `"from_item"` strategy of `handleMissing`: fills the missing cells of `column` with the
 * most frequent present value of the same item in `df` (ties: the smallest value in Polars
 * sort order, i.e. numeric order, or byte-wise UTF-8 order for strings). Rows whose item is
 * null or has no present value stay missing. One `group_by` over (item, value), one sort,
 * one left join: linear apart from the sort of the distinct (item, value) pairs.
 *
 * @param df event frame (not mutated).
 * @param column the column to fill (kept in its dtype).
 * @param missing the mask of missing cells of `column` (null, and NaN when it counts as missing).
 * @param item the item column.
 * @returns the frame, rows in input order.
 * @example
 * ```ts
 * fillFromItem(checkins, "category", pl.col("category").isNull(), "item");
 * ```
 */
export function fillFromItem(df: pl.DataFrame, column: string, missing: pl.Expr, item: string): pl.DataFrame {
  requireColumns(df, [item], "handleMissing (from_item)");
  if (column === item) throw new DataError(`"from_item" cannot fill the item column itself`, { column });
  const dtype = df.getColumn(column).dtype;
  const modes = df
    .filter(missing.not().and(pl.col(item).isNotNull()))
    .groupBy([item, column])
    .agg(pl.col(item).count().cast(pl.Int64).mul(-1).alias(NEG_COUNT))
    .sort([NEG_COUNT, column])
    .unique({ subset: [item], keep: "first", maintainOrder: true })
    .select(pl.col(item), pl.col(column).alias(FILL));
  return df
    .withRowIndex(ROW)
    .join(modes, { on: item, how: "left" })
    .sort(ROW)
    .withColumn(pl.when(missing).then(pl.col(FILL)).otherwise(pl.col(column)).cast(dtype).alias(column))
    .drop([FILL, ROW]);
}
