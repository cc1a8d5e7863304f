import type pl from "nodejs-polars";
import { requireColumns } from "../clean/frame-access";
import { COL } from "../schema";
import { encodeIds } from "./id-index";

/**
 * Per requested user, the sorted, distinct candidate item indices (model item space) from a
 * `candidates` frame of (user, item) pairs; pairs naming an unrequested user or an unknown item
 * are ignored. Shared by the recommenders' `recommend(…, { candidates })`.
 *
 * @param candidates frame with columns user and item.
 * @param users the requested user ids (index = position).
 * @param itemIds the model's sorted item ids.
 * @returns one ascending `Int32Array` per requested user (empty when none).
 * @throws DataError when the frame lacks user or item.
 * @example
 * ```ts
 * candidateSets(pl.DataFrame({ user: ["a", "a", "b"], item: ["y", "x", "y"] }), ["a", "b"], ["x", "y"]); // [[0, 1], [1]]
 * ```
 */
export function candidateSets(candidates: pl.DataFrame, users: readonly string[], itemIds: readonly string[]): Int32Array[] {
  requireColumns(candidates, [COL.user, COL.item], "recommend (candidates)");
  const u = encodeIds(candidates, COL.user, users);
  const i = encodeIds(candidates, COL.item, itemIds);
  const lists: number[][] = users.map(() => []);
  for (let r = 0; r < u.length; r++) if (u[r] >= 0 && i[r] >= 0) lists[u[r]].push(i[r]);
  return lists.map((l) => Int32Array.from(new Set(l)).sort());
}
