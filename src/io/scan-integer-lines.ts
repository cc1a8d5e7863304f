/**
 * Byte-level scanner of text files holding lines of non-negative integers separated by blanks:
 * the LightGCN / NGCF `train.txt` (`user item item …`) and FIMI `.dat` (`item item …`) layouts.
 * Internal to the readers of those formats (`readUserItemLists`, `loadUserItemLists`, `readFimi`).
 */

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const ZERO = 0x30;
const NINE = 0x39;
const MAX_ID = 0x7fffffff;

/**
 * The integers of a file, line by line.
 *
 * @example
 * ```ts
 * // "3 1 2\n\n4\n"
 * const lines: IntegerLines = { ok: true, ids: Int32Array.of(3, 1, 2, 4), offsets: Int32Array.of(0, 3, 3, 4), leadingZeros: false };
 * ```
 */
export interface IntegerLines {
  ok: true;
  /** Every integer in file order. */
  ids: Int32Array;
  /**
   * Line `l` holds `ids[offsets[l] .. offsets[l + 1])`; length = lines + 1. A blank line is an
   * empty range; the newline that ends the last line does not start another one.
   */
  offsets: Int32Array;
  /** Some integer was written with a leading zero (`"007"`), so its text differs from `String(id)`. */
  leadingZeros: boolean;
}

/**
 * Where scanning stopped: at a byte that is not a digit, blank (space, tab, `\r`) or `\n`
 * (`"character"`), or at the digit that took an integer past 2^31 − 1 (`"overflow"`).
 *
 * @example
 * ```ts
 * // "0 1\n1 2x\n"
 * const bad: IntegerLinesFailure = { ok: false, reason: "character", pos: 7, tokenStart: 6, line: 2 };
 * ```
 */
export interface IntegerLinesFailure {
  ok: false;
  reason: "character" | "overflow";
  /** Byte offset of the offending byte. */
  pos: number;
  /** Byte offset where the blank-separated token holding it starts. */
  tokenStart: number;
  /** 1-based line number. */
  line: number;
}

/**
 * Scans lines of blank-separated non-negative integers (below 2^31) straight from the bytes,
 * without building strings: blanks are spaces, tabs and `\r` (so `\r\n` line ends pass), a blank
 * line is an empty line, leading zeros are accepted (and flagged). Stops at the first other byte
 * or too-large integer, reporting where, so each reader words its own error (or falls back to a
 * general parser).
 *
 * @param bytes the file content.
 * @returns the {@link IntegerLines}, or an {@link IntegerLinesFailure}.
 * @example
 * ```ts
 * const s = scanIntegerLines(readFileSync("train.txt"));
 * if (s.ok) s.ids.subarray(s.offsets[0], s.offsets[1]); // the first line's integers
 * ```
 */
export function scanIntegerLines(bytes: Uint8Array): IntegerLines | IntegerLinesFailure {
  const n = bytes.length;
  // an integer takes at least one digit and one separator: no more than ⌈n / 2⌉ of them
  const ids = new Int32Array((n >> 1) + 1);
  const offsets: number[] = [0];
  let k = 0;
  let line = 1;
  let leadingZeros = false;
  let p = 0;
  while (p < n) {
    let c = bytes[p];
    if (c >= ZERO && c <= NINE) {
      const start = p;
      let value = c - ZERO;
      p++;
      while (p < n && (c = bytes[p]) >= ZERO && c <= NINE) {
        if (value === 0) leadingZeros = true;
        value = value * 10 + (c - ZERO);
        if (value > MAX_ID) return { ok: false, reason: "overflow", pos: p, tokenStart: start, line };
        p++;
      }
      ids[k++] = value;
    } else if (c === SPACE || c === TAB || c === CR) {
      p++;
    } else if (c === LF) {
      offsets.push(k);
      line++;
      p++;
    } else {
      let tokenStart = p;
      while (tokenStart > 0 && bytes[tokenStart - 1] >= ZERO && bytes[tokenStart - 1] <= NINE) tokenStart--;
      return { ok: false, reason: "character", pos: p, tokenStart, line };
    }
  }
  if (n > 0 && bytes[n - 1] !== LF) offsets.push(k);
  return { ok: true, ids: ids.subarray(0, k), offsets: Int32Array.from(offsets), leadingZeros };
}

/**
 * (user, item) pairs of `user item item …` lines: the first integer of a non-blank line is the
 * user, the others its items, in file order.
 *
 * @example
 * ```ts
 * // "0 2 1\n1\n"
 * const p: UserItemPairs = { users: Int32Array.of(0, 0), items: Int32Array.of(2, 1), lines: 2, userOnly: 1, nUsers: 2 };
 * ```
 */
export interface UserItemPairs {
  /** User of each pair. */
  users: Int32Array;
  /** Item of each pair. */
  items: Int32Array;
  /** Non-blank lines. */
  lines: number;
  /** Lines naming a user and no item. */
  userOnly: number;
  /** Largest user id + 1, users without items included (0 when there is none). */
  nUsers: number;
}

/**
 * Splits scanned lines into (user, item) pairs, the LightGCN adjacency-list reading of
 * {@link scanIntegerLines}. Blank lines are skipped; repeated pairs are kept.
 *
 * @param lines the scanned file.
 * @returns the {@link UserItemPairs}.
 * @example
 * ```ts
 * const s = scanIntegerLines(Buffer.from("0 2 1\n1\n"));
 * if (s.ok) userItemPairs(s); // users [0, 0], items [2, 1], lines 2, userOnly 1, nUsers 2
 * ```
 */
export function userItemPairs(lines: IntegerLines): UserItemPairs {
  const { ids, offsets } = lines;
  const nLines = offsets.length - 1;
  let nonBlank = 0;
  for (let l = 0; l < nLines; l++) if (offsets[l + 1] > offsets[l]) nonBlank++;
  const users = new Int32Array(ids.length - nonBlank);
  const items = new Int32Array(ids.length - nonBlank);
  let userOnly = 0;
  let nUsers = 0;
  let n = 0;
  for (let l = 0; l < nLines; l++) {
    const s = offsets[l];
    const e = offsets[l + 1];
    if (e === s) continue;
    const user = ids[s];
    if (user >= nUsers) nUsers = user + 1;
    if (e === s + 1) userOnly++;
    for (let p = s + 1; p < e; p++) {
      users[n] = user;
      items[n++] = ids[p];
    }
  }
  return { users, items, lines: nonBlank, userOnly, nUsers };
}
