/**
 * The shared boundary checks of the miners: which baskets, which support threshold, which
 * itemset lengths.
 */
import { encodeTransactions, type Transactions } from "./transactions";

/**
 * What the miners accept: baskets as arrays of item labels, or their encoding.
 * @example
 * ```ts
 * const input: BasketInput = [["milk", "bread"], ["milk"]]; // or encodeTransactions(...)
 * ```
 */
export type BasketInput = ReadonlyArray<ReadonlyArray<string>> | Transactions;

/**
 * The threshold and length options every miner shares.
 * @example
 * ```ts
 * fpGrowth(baskets, { minSupport: 0.01, maxLen: 3 });
 * fpGrowth(baskets, { minCount: 25 });
 * ```
 */
export interface SupportOptions {
  /**
   * Minimum support as a fraction of all transactions, in (0, 1]: an itemset is frequent when
   * its count ≥ ceil(minSupport · N) (as arules and mlxtend). Default `0.5` (mlxtend's).
   */
  minSupport?: number;
  /** Minimum support as an absolute count (integer ≥ 1); replaces `minSupport`. Default: unset. */
  minCount?: number;
  /** Smallest itemset size reported (integer ≥ 1). Default `1`. */
  minLen?: number;
  /** Largest itemset size mined (integer ≥ minLen, or `Infinity`). Default `Infinity`. */
  maxLen?: number;
}

/**
 * The checked thresholds.
 * @example
 * ```ts
 * const { minCount, tx } = resolveSupport(baskets, { minSupport: 0.1 }, "fpGrowth");
 * ```
 */
export interface ResolvedSupport {
  tx: Transactions;
  minCount: number;
  minLen: number;
  maxLen: number;
  /** The minimum support as a fraction (for messages). */
  minSupport: number;
}

const defaults = { minSupport: 0.5, minLen: 1, maxLen: Infinity };

/**
 * Encodes the input if needed and checks the thresholds, with messages naming the parameter
 * and its valid range. `minCount = ceil(minSupport · N)`, computed so that a product that is
 * an integer up to rounding error (0.001 · 100000) is not pushed to the next integer.
 *
 * @param input baskets or their encoding.
 * @param options see {@link SupportOptions}.
 * @param fn name of the calling function, for messages.
 * @returns the transactions and the checked thresholds.
 * @throws Error on an empty basket list, or a threshold out of range.
 * @example
 * ```ts
 * resolveSupport([["a"], ["a", "b"]], { minSupport: 0.5 }, "fpGrowth").minCount; // 1
 * ```
 */
export function resolveSupport(input: BasketInput, options: SupportOptions, fn: string): ResolvedSupport {
  const tx = isTransactions(input) ? input : encodeTransactions(input as ReadonlyArray<ReadonlyArray<string>>);
  const n = tx.nTransactions;
  if (n === 0) throw new Error(`${fn}: no transactions (the basket list is empty): nothing to mine`);
  const minLen = options.minLen ?? defaults.minLen;
  const maxLen = options.maxLen ?? defaults.maxLen;
  if (!(Number.isInteger(minLen) && minLen >= 1)) throw new Error(`${fn}: minLen must be an integer >= 1, got ${minLen}`);
  if (!((Number.isInteger(maxLen) || maxLen === Infinity) && maxLen >= minLen)) {
    throw new Error(`${fn}: maxLen must be an integer >= minLen (${minLen}) or Infinity, got ${maxLen}`);
  }
  if (options.minCount !== undefined) {
    if (options.minSupport !== undefined) throw new Error(`${fn}: give minSupport or minCount, not both`);
    const c = options.minCount;
    if (!(Number.isInteger(c) && c >= 1)) throw new Error(`${fn}: minCount must be an integer >= 1, got ${c}`);
    return { tx, minCount: c, minLen, maxLen, minSupport: c / n };
  }
  const s = options.minSupport ?? defaults.minSupport;
  if (typeof s !== "number" || !(s > 0 && s <= 1)) {
    throw new Error(`${fn}: minSupport must be a positive number within the interval (0, 1], got ${s}`);
  }
  return { tx, minCount: countThreshold(s, n), minLen, maxLen, minSupport: s };
}

/**
 * ceil(s · n), robust to rounding error in the product, and at least 1.
 * @example
 * ```ts
 * countThreshold(0.001, 9835); // 10
 * ```
 */
export function countThreshold(s: number, n: number): number {
  const x = s * n;
  const r = Math.round(x);
  const c = Math.abs(x - r) <= 1e-9 * Math.max(1, x) ? r : Math.ceil(x);
  return Math.max(1, c);
}

/**
 * True for an already encoded {@link Transactions}.
 * @example
 * ```ts
 * isTransactions(encodeTransactions([["a"]])); // true
 * isTransactions([["a"]]);                     // false
 * ```
 */
export function isTransactions(x: unknown): x is Transactions {
  return typeof x === "object" && x !== null && !Array.isArray(x) && (x as Transactions).data instanceof Int32Array;
}
