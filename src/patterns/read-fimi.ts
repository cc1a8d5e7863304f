/**
 * Reader for FIMI `.dat` files (the Frequent Itemset Mining Implementations repository format).
 */
import { readFileSync } from "fs";
import { assertReadableFile } from "../io/read-raw";
import { scanIntegerLines } from "../io/scan-integer-lines";
import { DataError } from "../util/data-error";
import { _encodeIds, type Transactions } from "./transactions";

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
  const scan = scanIntegerLines(bytes);
  if (!scan.ok) {
    if (scan.reason === "overflow") throw new DataError("item id exceeds 2^31 − 1", { file, line: scan.line });
    const ch = JSON.stringify(String.fromCharCode(bytes[scan.pos]));
    throw new DataError(`unexpected character ${ch}: a FIMI line holds integer item ids separated by spaces`, { file, line: scan.line });
  }
  const { ids, offsets } = scan;
  const k = ids.length;
  let maxId = -1;
  for (let p = 0; p < k; p++) if (ids[p] > maxId) maxId = ids[p];
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
  return _encodeIds(labels, ids, offsets);
}
