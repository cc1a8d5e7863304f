/**
 * Reader for FIMI `.dat` files (the Frequent Itemset Mining Implementations repository format).
 */
import { readFileSync } from "fs";
import { assertReadableFile } from "../io/read-raw";
import { DataError } from "../util/data-error";
import { _encodeIds, type Transactions } from "./transactions";

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Reads a FIMI transaction file: one transaction per line, items as non-negative integers
 * separated by spaces or tabs (trailing spaces allowed, `\r\n` line ends accepted). A blank
 * line is an empty transaction (counted in `nTransactions` and `nEmpty`); the newline that
 * ends the last line does not start another one. Item labels are the integers as text
 * (`"38"`), so results name the file's ids. Parses the bytes directly, without strings.
 *
 * @param file path of the `.dat` file.
 * @returns the encoded transactions.
 * @throws DataError naming the file and line for anything but digits and blanks, or a
 * missing / empty file.
 * @example
 * ```ts
 * const tx = readFimi("data/fimi/retail.dat");
 * tx.nTransactions; // 88162
 * ```
 */
export function readFimi(file: string): Transactions {
  assertReadableFile(file);
  const bytes = readFileSync(file);
  // a number takes at least one digit and one separator: no more than ⌈bytes / 2⌉ of them
  const ids = new Int32Array((bytes.length >> 1) + 1);
  const offsets: number[] = [0];
  const n = bytes.length;
  let k = 0;
  let line = 1;
  let maxId = -1;
  let p = 0;
  while (p < n) {
    let c = bytes[p];
    if (c >= ZERO && c <= NINE) {
      let value = c - ZERO;
      p++;
      while (p < n && (c = bytes[p]) >= ZERO && c <= NINE) {
        value = value * 10 + (c - ZERO);
        if (value > 0x7fffffff) throw new DataError("item id exceeds 2^31 − 1", { file, line });
        p++;
      }
      ids[k++] = value;
      if (value > maxId) maxId = value;
    } else if (c === SPACE || c === TAB || c === CR) {
      p++;
    } else if (c === LF) {
      offsets.push(k);
      line++;
      p++;
    } else {
      const ch = JSON.stringify(String.fromCharCode(c));
      throw new DataError(`unexpected character ${ch}: a FIMI line holds integer item ids separated by spaces`, { file, line });
    }
  }
  if (bytes[bytes.length - 1] !== LF) offsets.push(k);
  // dense raw ids in order of first appearance (a lookup table unless the ids are very sparse)
  const labels: string[] = [];
  if (maxId < 4 * k + 1_000_000) {
    const dense = new Int32Array(maxId + 1).fill(-1);
    for (let p = 0; p < k; p++) {
      const v = ids[p];
      let d = dense[v];
      if (d < 0) {
        d = labels.length;
        dense[v] = d;
        labels.push(String(v));
      }
      ids[p] = d;
    }
  } else {
    const dense = new Map<number, number>();
    for (let p = 0; p < k; p++) {
      const v = ids[p];
      let d = dense.get(v);
      if (d === undefined) {
        d = labels.length;
        dense.set(v, d);
        labels.push(String(v));
      }
      ids[p] = d;
    }
  }
  return _encodeIds(labels, ids.subarray(0, k), Int32Array.from(offsets));
}
