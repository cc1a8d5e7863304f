/**
 * Reader for basket files: one transaction per line, item labels separated by a delimiter
 * (the layout of arules' Groceries as CSV).
 */
import { readFileSync } from "fs";
import { assertReadableFile } from "../io/read-raw";
import { encodeTransactions, type Transactions } from "./transactions";

/**
 * Options of {@link readBasketCsv}.
 * @example
 * ```ts
 * readBasketCsv("baskets.txt", { sep: ";", hasHeader: true });
 * ```
 */
export interface ReadBasketCsvOptions {
  /** Separator between items, one or more characters. Default `","`. */
  sep?: string;
  /** The first line is a header to skip. Default `false`. */
  hasHeader?: boolean;
}

const defaults = { sep: ",", hasHeader: false };

/**
 * Reads a basket file: each line is one transaction, its items separated by `sep`.
 * Labels are kept **verbatim**: no trimming and no quote handling, so `"cream cheese "`
 * (with its trailing space, as in Groceries) stays a label of its own; only a `\r` before the
 * line break is removed. Empty fields (`a,,b`, a trailing comma) are dropped and counted in
 * `dropped.emptyLabels`; a blank line is an empty transaction (counted in `nEmpty`); the
 * newline that ends the last line does not start another transaction.
 *
 * @param file path of the text file.
 * @param options see {@link ReadBasketCsvOptions}.
 * @returns the encoded transactions.
 * @throws DataError when the file is missing or empty; Error when `sep` is empty.
 * @example
 * ```ts
 * const tx = readBasketCsv("data/groceries/groceries.csv");
 * tx.nTransactions; // 9835
 * tx.items.length;  // 169
 * ```
 */
export function readBasketCsv(file: string, options: ReadBasketCsvOptions = {}): Transactions {
  const sep = options.sep ?? defaults.sep;
  const hasHeader = options.hasHeader ?? defaults.hasHeader;
  if (typeof sep !== "string" || sep.length === 0) throw new Error(`sep must be a non-empty string, got ${JSON.stringify(sep)}`);
  assertReadableFile(file);
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const baskets: string[][] = [];
  for (let i = hasHeader ? 1 : 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.endsWith("\r")) line = line.slice(0, -1);
    baskets.push(line === "" ? [] : line.split(sep));
  }
  return encodeTransactions(baskets);
}
