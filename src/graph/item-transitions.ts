import { csrFromEdges, type Csr } from "./csr";

/**
 * Options of {@link itemTransitions}.
 *
 * @example
 * ```ts
 * itemTransitions(users, items, tsMs, nItems, { maxGapMs: 6 * 3_600_000 });
 * ```
 */
export interface ItemTransitionsOptions {
  /** Largest gap between two consecutive events of a user that still counts, ms (> 0). Default 6 h. */
  maxGapMs?: number;
}

/**
 * Counts of what a transition graph kept and left out.
 *
 * @example
 * ```ts
 * const { matrix, counts } = itemTransitions(u, i, t, nItems);
 * counts.tooLate; // consecutive pairs farther apart than maxGapMs
 * ```
 */
export interface ItemTransitionCounts {
  /** Consecutive same-user pairs inspected. */
  pairs: number;
  /** Pairs kept as edges (before summing repeats). */
  kept: number;
  /** Pairs left out because the gap exceeded `maxGapMs`. */
  tooLate: number;
  /** Pairs left out because both events are at the same item. */
  selfLoops: number;
  /** Pairs left out because a timestamp is not finite. */
  missingTime: number;
}

const defaults = { maxGapMs: 6 * 3_600_000 };

/**
 * The directed item → item transition graph: for each user, events sorted by time (ties by
 * input order), every consecutive pair (a, b) with `0 ≤ t_b − t_a ≤ maxGapMs` and a ≠ b adds 1
 * to entry (a, b). Linear after the sort. Pairs left out are counted by reason.
 *
 * @param users dense user code per event.
 * @param items dense item code per event (in `[0, nItems)`).
 * @param tsMs event time in epoch milliseconds.
 * @param nItems number of items.
 * @param options see {@link ItemTransitionsOptions}.
 * @returns the `nItems × nItems` count matrix and the {@link ItemTransitionCounts}.
 * @example
 * ```ts
 * const { matrix } = itemTransitions(Int32Array.of(0, 0), Int32Array.of(3, 5), Float64Array.of(0, 60_000), 6);
 * // one edge 3 → 5 with count 1
 * ```
 */
export function itemTransitions(
  users: ArrayLike<number>,
  items: ArrayLike<number>,
  tsMs: ArrayLike<number>,
  nItems: number,
  options: ItemTransitionsOptions = {},
): { matrix: Csr; counts: ItemTransitionCounts } {
  const maxGap = options.maxGapMs ?? defaults.maxGapMs;
  if (!(maxGap > 0)) throw new Error(`itemTransitions: maxGapMs must be > 0, got ${maxGap}`);
  const n = users.length;
  if (items.length !== n || tsMs.length !== n) throw new Error("itemTransitions: users, items and tsMs must have the same length");
  const key = Float64Array.from(tsMs, (t) => (Number.isFinite(t) ? t : Infinity)); // missing times sort last
  const order = Array.from({ length: n }, (_, r) => r);
  order.sort((a, b) => users[a] - users[b] || (key[a] === key[b] ? a - b : key[a] < key[b] ? -1 : 1));
  const rows: number[] = [];
  const cols: number[] = [];
  const counts: ItemTransitionCounts = { pairs: 0, kept: 0, tooLate: 0, selfLoops: 0, missingTime: 0 };
  for (let p = 1; p < n; p++) {
    const a = order[p - 1];
    const b = order[p];
    if (users[a] !== users[b]) continue;
    counts.pairs++;
    const gap = tsMs[b] - tsMs[a];
    if (!Number.isFinite(gap)) counts.missingTime++;
    else if (gap > maxGap) counts.tooLate++;
    else if (items[a] === items[b]) counts.selfLoops++;
    else {
      rows.push(items[a]);
      cols.push(items[b]);
      counts.kept++;
    }
  }
  return { matrix: csrFromEdges({ rows, cols }, { nRows: nItems, nCols: nItems }), counts };
}
