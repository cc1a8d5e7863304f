import pl from "nodejs-polars";
import { COL, EVENT } from "../schema";
import type { LoadReport } from "./load-report";
import { readRaw } from "./read-raw";
import { validateEvents } from "./validate-events";

/** Options of {@link loadTaobao}. */
export interface LoadTaobaoOptions {
  /** Read at most this many rows (default: all; the full file has about 100 million). */
  nRows?: number;
  /** `LoadReport.source` (default `"taobao"`). */
  source?: string;
}

const defaults = { source: "taobao" };

/**
 * Taobao behaviour codes and the canonical event each becomes.
 * @example
 * ```ts
 * TAOBAO_BEHAVIORS.pv; // "view"
 * ```
 */
export const TAOBAO_BEHAVIORS: Readonly<Record<string, string>> = { pv: EVENT.view, cart: EVENT.cart, fav: EVENT.fav, buy: EVENT.buy };

/**
 * Loads Alibaba's Taobao `UserBehavior.csv`: comma-separated, no header,
 * `user,item,category,behavior,unix-seconds`; behaviour `pv`/`cart`/`fav`/`buy` becomes event
 * `view`/`cart`/`fav`/`buy` (any other value drops the row as `unknown_event`).
 *
 * @param file - path of `UserBehavior.csv`.
 * @param options - see {@link LoadTaobaoOptions}.
 * @returns `frame` with columns user, item, ts (UTC), event, category (category id); and its `report`.
 * @throws DataError naming the file when it is missing, empty, not comma-separated with 5
 *   columns, or when every row is bad.
 * @example
 * ```ts
 * const { frame } = loadTaobao(`${DATA_DIR}/taobao/UserBehavior.csv`, { nRows: 1_000_000 });
 * frame.columns; // ["user", "item", "ts", "event", "category"]
 * ```
 */
export function loadTaobao(file: string, options: LoadTaobaoOptions = {}): { frame: pl.DataFrame; report: LoadReport } {
  const o = { ...defaults, ...options };
  const raw = readRaw(file, { sep: ",", names: ["user", "item", "category", "behavior", "ts"], nRows: o.nRows });
  return validateEvents(
    raw,
    [
      { column: COL.user, from: "user" },
      { column: COL.item, from: "item" },
      { column: COL.ts, from: "ts", ts: "unix_s" },
      { column: COL.event, from: "behavior", values: TAOBAO_BEHAVIORS },
      { column: COL.category, from: "category" },
    ],
    { source: o.source, file, notes: ["timestamps are unix seconds (UTC)"] },
  );
}
