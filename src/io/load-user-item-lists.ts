import { readFileSync } from "fs";
import pl from "nodejs-polars";
import { COL } from "../schema";
import type { LoadReport } from "./load-report";
import { assertReadableFile } from "./read-raw";
import { scanIntegerLines, userItemPairs, type UserItemPairs } from "./scan-integer-lines";

/** Options of {@link loadUserItemLists}. */
export interface LoadUserItemListsOptions {
  /** `LoadReport.source`. Default: the file name. */
  source?: string;
}

/**
 * Loads a user–item list file, the format of the LightGCN / NGCF data splits
 * (`gowalla_lightgcn/train.txt`, `test.txt`): one line per user, `user item item …`, ids
 * separated by spaces or tabs. Ids are kept as text (`"0"`, `"7580"`).
 *
 * **No timestamps**: the frame has only the columns `user` and `item` (no `ts`), so time-based
 * splits and the recent-window popularity cannot use it; the files already are a split, and the
 * evaluation only needs per-user item sets. Rows keep the file order (user by user, items in line
 * order). Duplicate pairs are kept (a model merges them) and counted in the notes; a line with a
 * user and no item adds no row and is counted in the notes; blank lines are skipped.
 *
 * @param file path of the list file.
 * @param options see {@link LoadUserItemListsOptions}.
 * @returns `{ frame, report }`: frame columns user (String), item (String); `rowsRead` and
 *   `rowsKept` count (user, item) pairs.
 * @throws DataError when the file is missing or empty.
 * @example
 * ```ts
 * const { frame: train } = loadUserItemLists(`${DATA_DIR}/gowalla_lightgcn/train.txt`);
 * train.height; // 810128
 * ```
 */
export function loadUserItemLists(file: string, options: LoadUserItemListsOptions = {}): { frame: pl.DataFrame; report: LoadReport } {
  assertReadableFile(file);
  const bytes = readFileSync(file);
  const scan = scanIntegerLines(bytes);
  const parsed = scan.ok && !scan.leadingZeros ? integerFrame(userItemPairs(scan)) : parseTextLists(bytes.toString("utf8"));
  const { frame, lines, userOnly, duplicates } = parsed;
  const notes = [
    "no timestamps in this format: the frame has columns user and item only (no ts)",
    `${lines.toLocaleString("en-US")} user lines`,
  ];
  if (userOnly > 0) notes.push(`${userOnly.toLocaleString("en-US")} line(s) name a user with no item (no row)`);
  if (duplicates > 0) notes.push(`${duplicates.toLocaleString("en-US")} duplicate (user, item) pair(s) kept`);
  const report: LoadReport = {
    source: options.source ?? file.split(/[\\/]/).pop() ?? file,
    files: [file],
    rowsRead: frame.height,
    rowsKept: frame.height,
    dropped: [],
    notes,
  };
  return { frame, report };
}

interface Parsed {
  frame: pl.DataFrame;
  lines: number;
  userOnly: number;
  /** Rows that repeat an earlier (user, item) pair. */
  duplicates: number;
}

/**
 * Fast path, for files whose ids are all canonical non-negative integers below 2^31 (no sign,
 * no leading zero), so their text survives an Int32 → String cast.
 */
function integerFrame(pairs: UserItemPairs): Parsed {
  const { users, items, lines, userOnly } = pairs;
  const n = users.length;
  const ints = pl.DataFrame({ [COL.user]: pl.Series(COL.user, users), [COL.item]: pl.Series(COL.item, items) });
  const key = pl.col(COL.user).cast(pl.Float64).mul(2 ** 31).add(pl.col(COL.item).cast(pl.Float64)); // exact below 2^53
  const duplicates = n - (ints.select(key.nUnique().alias("n")).getColumn("n").get(0) as number);
  const frame = ints.select(pl.col(COL.user).cast(pl.Utf8), pl.col(COL.item).cast(pl.Utf8));
  return { frame, lines, userOnly, duplicates };
}

/** General path: any whitespace-free tokens, kept verbatim. */
function parseTextLists(text: string): Parsed {
  const users: string[] = [];
  const items: string[] = [];
  let lines = 0;
  let userOnly = 0;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    lines++;
    const tokens = line.split(/[ \t]+/);
    if (tokens.length === 1) userOnly++;
    for (let t = 1; t < tokens.length; t++) {
      users.push(tokens[0]);
      items.push(tokens[t]);
    }
  }
  const frame = pl.DataFrame({
    [COL.user]: pl.Series(COL.user, users, pl.Utf8),
    [COL.item]: pl.Series(COL.item, items, pl.Utf8),
  });
  return { frame, lines, userOnly, duplicates: frame.height - frame.unique().height };
}
