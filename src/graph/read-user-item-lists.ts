import { readFileSync } from "node:fs";
import { DataError } from "../util/data-error";
import { csrFromEdges, type Csr } from "./csr";

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
 * @throws DataError naming the file and line of a token that is not a non-negative integer.
 * @example
 * ```ts
 * const train = readUserItemLists(`${dir}/train.txt`);           // 29,858 × 40,981, nnz 810,128
 * const test = readUserItemLists(`${dir}/test.txt`, { nUsers: train.nRows, nItems: train.nCols });
 * ```
 */
export function readUserItemLists(path: string, options: ReadUserItemListsOptions = {}): Csr {
  const text = readFileSync(path, "latin1");
  const rows: number[] = [];
  const cols: number[] = [];
  const n = text.length;
  let usersSeen = 0;
  let line = 1;
  let pos = 0;
  const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13;
  while (pos < n) {
    let user = -1;
    while (pos < n && text.charCodeAt(pos) !== 10) {
      if (isSpace(text.charCodeAt(pos))) {
        pos++;
        continue;
      }
      const start = pos;
      let v = 0;
      for (let c = text.charCodeAt(pos); pos < n && c >= 48 && c <= 57; c = text.charCodeAt(++pos)) v = v * 10 + (c - 48);
      const next = pos < n ? text.charCodeAt(pos) : 10;
      if (pos === start || !(isSpace(next) || next === 10)) {
        const end = text.indexOf("\n", start);
        throw new DataError(`expected a non-negative integer id, got '${text.slice(start, Math.min(start + 20, end < 0 ? n : end))}'`, { file: path, line });
      }
      if (user < 0) {
        user = v;
        usersSeen = Math.max(usersSeen, user + 1);
      } else {
        rows.push(user);
        cols.push(v);
      }
    }
    pos++;
    line++;
  }
  const nUsers = options.nUsers ?? usersSeen;
  if (usersSeen > nUsers) throw new DataError(`user id ${usersSeen - 1} is outside nUsers = ${nUsers}`, { file: path });
  return csrFromEdges({ rows, cols }, { nRows: nUsers, nCols: options.nItems, duplicates: "max" });
}
