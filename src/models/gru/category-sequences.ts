import pl from "nodejs-polars";
import { requireColumns, requireDatetime } from "../../clean/frame-access";
import { COL } from "../../schema";
import { userTimeOrder } from "../../split/user-time-order";

/**
 * Each user's events as a time-ordered sequence of tokens (categories by default).
 *
 * @example
 * ```ts
 * const s: TokenSequences = categorySequences(events);
 * s.tokens.slice(s.offsets[0], s.offsets[1]); // first user's categories in time order
 * ```
 */
export interface TokenSequences {
  /** User ids, sorted. */
  users: string[];
  /** User u's tokens are `tokens[offsets[u] .. offsets[u + 1])`; length `users.length + 1`. */
  offsets: Int32Array;
  /** Tokens of all users, concatenated. */
  tokens: string[];
  /** Rows dropped, by reason (never silently): `nullToken` (token column null), `nullTs`. */
  dropped: { nullToken: number; nullTs: number };
}

/**
 * Options of {@link categorySequences}.
 *
 * @example
 * ```ts
 * const o: CategorySequencesOptions = { column: "category" };
 * ```
 */
export interface CategorySequencesOptions {
  /** The token column (any String column: category, item, a derived hour label …). Default `COL.category`. */
  column?: string;
  /** Column names. Default `COL.user`, `COL.item`, `COL.ts`. */
  cols?: { user?: string; item?: string; ts?: string };
}

const defaults = { column: COL.category as string, cols: { user: COL.user as string, item: COL.item as string, ts: COL.ts as string } };

/**
 * Turns an event frame into per-user token sequences in time order (ties by item, then input
 * order), dropping rows whose token or timestamp is null and counting them.
 *
 * @param df event frame in the canonical schema (`user`, `ts` Datetime, the token column).
 * @param options see {@link CategorySequencesOptions}.
 * @returns {@link TokenSequences}.
 * @throws DataError when a column is missing or `ts` is not a Datetime.
 * @example
 * ```ts
 * const { users, offsets, tokens, dropped } = categorySequences(events);
 * dropped.nullToken; // e.g. 89 rows without a category
 * ```
 */
export function categorySequences(df: pl.DataFrame, options: CategorySequencesOptions = {}): TokenSequences {
  const column = options.column ?? defaults.column;
  const cols = { ...defaults.cols, ...options.cols };
  requireColumns(df, [cols.user, column], "categorySequences");
  requireDatetime(df, cols.ts, "categorySequences");
  const nullTs = df.getColumn(cols.ts).nullCount();
  const nullToken = df.filter(pl.col(cols.ts).isNotNull().and(pl.col(column).isNull())).height;
  const kept = df.filter(pl.col(cols.ts).isNotNull().and(pl.col(column).isNotNull()));
  const frame = kept.select(
    pl.col(cols.user).cast(pl.String),
    pl.col(cols.ts),
    pl.col(column).cast(pl.String),
    ...(kept.columns.includes(cols.item) && cols.item !== column && cols.item !== cols.user ? [pl.col(cols.item)] : []),
  );
  const { order, groupStart } = userTimeOrder(frame, cols);
  const userCol = frame.getColumn(cols.user).toArray() as string[];
  const tokenCol = frame.getColumn(column).toArray() as string[];
  const tokens = new Array<string>(order.length);
  for (let i = 0; i < order.length; i++) tokens[i] = tokenCol[order[i]];
  const users = new Array<string>(groupStart.length - 1);
  for (let g = 0; g + 1 < groupStart.length; g++) users[g] = userCol[order[groupStart[g]]];
  return { users, offsets: Int32Array.from(groupStart), tokens, dropped: { nullToken, nullTs } };
}

/**
 * A token vocabulary: index 0 is padding (unused with full windows), 1 is "unknown" (a token
 * not seen in training), then the known tokens in sorted order from index 2.
 *
 * @example
 * ```ts
 * const v: Vocabulary = buildVocabulary(["Gym", "Bar", "Gym"]); // tokens ["Bar", "Gym"]: Bar → 2, Gym → 3
 * ```
 */
export interface Vocabulary {
  /** Known tokens; token `tokens[i]` has id `i + 2`. */
  tokens: string[];
  /** Size including the padding and unknown ids (`tokens.length + 2`). */
  size: number;
}

/**
 * Id of a token not in the vocabulary.
 *
 * @example
 * ```ts
 * encodeTokens(["never seen"], vocab)[0] === UNKNOWN_ID; // true
 * ```
 */
export const UNKNOWN_ID = 1;

/**
 * Builds the vocabulary of the training tokens (sorted, so it does not depend on row order).
 *
 * @param tokens training tokens.
 * @returns the {@link Vocabulary}.
 * @example
 * ```ts
 * buildVocabulary(["b", "a", "b"]).tokens; // ["a", "b"]
 * ```
 */
export function buildVocabulary(tokens: readonly string[]): Vocabulary {
  const sorted = [...new Set(tokens)].sort();
  return { tokens: sorted, size: sorted.length + 2 };
}

/**
 * Encodes tokens as vocabulary ids (unknown tokens → {@link UNKNOWN_ID}).
 *
 * @param tokens tokens to encode.
 * @param vocab the vocabulary.
 * @returns an `Int32Array` of ids.
 * @example
 * ```ts
 * encodeTokens(["a", "z"], buildVocabulary(["a", "b"])); // Int32Array [2, 1]
 * ```
 */
export function encodeTokens(tokens: readonly string[], vocab: Vocabulary): Int32Array {
  const index = new Map(vocab.tokens.map((t, i) => [t, i + 2]));
  return Int32Array.from(tokens, (t) => index.get(t) ?? UNKNOWN_ID);
}

/**
 * Next-token samples: for every user and every position t >= window, the input is the ids of
 * the previous `window` events and the target the id at t. Users with at most `window` events
 * give no sample (counted in `skippedUsers`).
 *
 * @example
 * ```ts
 * const s: NextTokenSamples = nextTokenSamples(ids, seqs.offsets, 4);
 * ```
 */
export interface NextTokenSamples {
  /** Inputs `[count, window]` (ids as floats). */
  x: Float32Array;
  /** Target ids `[count]`. */
  target: Int32Array;
  /** Index of the user of each sample. */
  user: Int32Array;
  count: number;
  skippedUsers: number;
}

/**
 * Cuts encoded per-user sequences into next-token samples (see {@link NextTokenSamples}).
 *
 * @param ids encoded tokens of all users, concatenated.
 * @param offsets user boundaries (as in {@link TokenSequences}).
 * @param window history length.
 * @returns the samples.
 * @example
 * ```ts
 * nextTokenSamples(Int32Array.of(2, 3, 2, 3), Int32Array.of(0, 4), 2); // x [2,3, 3,2], target [2, 3]
 * ```
 */
export function nextTokenSamples(ids: Int32Array, offsets: Int32Array, window: number): NextTokenSamples {
  let count = 0;
  let skippedUsers = 0;
  for (let u = 0; u + 1 < offsets.length; u++) {
    const len = offsets[u + 1] - offsets[u];
    if (len > window) count += len - window;
    else skippedUsers++;
  }
  const x = new Float32Array(count * window);
  const target = new Int32Array(count);
  const user = new Int32Array(count);
  let r = 0;
  for (let u = 0; u + 1 < offsets.length; u++) {
    for (let t = offsets[u] + window; t < offsets[u + 1]; t++, r++) {
      for (let j = 0; j < window; j++) x[r * window + j] = ids[t - window + j];
      target[r] = ids[t];
      user[r] = u;
    }
  }
  return { x, target, user, count, skippedUsers };
}

/**
 * One-hot encodes windows of ids: `[count, window]` ids → `[count, window, size]` floats.
 *
 * @param x ids, row-major `[count, window]`.
 * @param count rows.
 * @param window ids per row.
 * @param size vocabulary size.
 * @returns the one-hot array.
 * @example
 * ```ts
 * oneHotWindows(Float32Array.of(2, 3), 1, 2, 4); // [0,0,1,0, 0,0,0,1]
 * ```
 */
export function oneHotWindows(x: ArrayLike<number>, count: number, window: number, size: number): Float32Array {
  const out = new Float32Array(count * window * size);
  for (let i = 0; i < count * window; i++) out[i * size + x[i]] = 1;
  return out;
}
