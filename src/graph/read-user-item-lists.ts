import { readFileSync } from "node:fs";
import { scanIntegerLines, userItemPairs } from "../io/scan-integer-lines";
import { DataError } from "../util/data-error";
import { csrFromEdges, type Csr } from "./csr";

const LF = 0x0a;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Options of {@link readUserItemLists}.
 *
 * @example
 * ```ts
 * readUserItemLists("test.txt", { nUsers: 29858, nItems: 40981 });
 * ```
 */
export interface ReadUserItemListsOptions {
  /** Number of users (rows). Default: largest user id + 1. */
  nUsers?: number;
  /** Number of items (columns). Default: largest item id + 1. */
  nItems?: number;
}

/**
 * Reads the adjacency-list format of the LightGCN / NGCF data sets (`train.txt`, `test.txt`):
 * one line per user, `user item item …`, integer ids from 0, separated by single spaces. A
 * line with a user and no item is allowed (an empty row). Repeated (user, item) pairs count once.
 *
 * @param path the file.
 * @param options see {@link ReadUserItemListsOptions}.
 * @returns a users × items binary CSR matrix (items sorted within each user).
 * @throws DataError naming the file and line of a token that is not a non-negative integer (or
 *   exceeds 2^31 − 1), or a user id outside `nUsers`.
 * @example
 * ```ts
 * const train = readUserItemLists(`${dir}/train.txt`);           // 29,858 × 40,981, nnz 810,128
 * const test = readUserItemLists(`${dir}/test.txt`, { nUsers: train.nRows, nItems: train.nCols });
 * ```
 */
export function readUserItemLists(path: string, options: ReadUserItemListsOptions = {}): Csr {
  const bytes = readFileSync(path);
  const scan = scanIntegerLines(bytes);
  if (!scan.ok) {
    const { tokenStart: start, line } = scan;
    if (scan.reason === "overflow") {
      let end = scan.pos;
      while (end < bytes.length && bytes[end] >= ZERO && bytes[end] <= NINE) end++;
      throw new DataError(`id ${bytes.toString("latin1", start, end)} exceeds 2^31 − 1`, { file: path, line });
    }
    const end = bytes.indexOf(LF, start);
    throw new DataError(`expected a non-negative integer id, got '${bytes.toString("latin1", start, Math.min(start + 20, end < 0 ? bytes.length : end))}'`, {
      file: path,
      line,
    });
  }
  const pairs = userItemPairs(scan);
  const nUsers = options.nUsers ?? pairs.nUsers;
  if (pairs.nUsers > nUsers) throw new DataError(`user id ${pairs.nUsers - 1} is outside nUsers = ${nUsers}`, { file: path });
  return csrFromEdges({ rows: pairs.users, cols: pairs.items }, { nRows: nUsers, nCols: options.nItems, duplicates: "max" });
}
