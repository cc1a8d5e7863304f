/**
 * Strict ISO-8601 instant parsing for the interop bridges.
 *
 * `Date.parse` is too lenient and reads a date-time without an offset as *local* time, which
 * would shift every timestamp by the machine's offset. This parser reads an offset-less
 * date-time as UTC wall time (the convention of `COL.ts` in `schema.ts`), accepts the
 * extended years that `Date.prototype.toISOString` writes (`+012345-…`, `-000001-…`), and
 * refuses anything it cannot read exactly.
 */

const ISO =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses an ISO-8601 date or date-time into epoch milliseconds (UTC), or returns `undefined`
 * when the text is not a valid ISO-8601 instant at millisecond precision.
 *
 * - `YYYY-MM-DD` is midnight UTC; `YYYY-MM-DDTHH:MM[:SS[.fff]]` without an offset is read as
 *   UTC wall time; `Z`, `±HH`, `±HHMM` and `±HH:MM` offsets are honoured.
 * - Fractions finer than a millisecond are accepted only when their extra digits are zeros
 *   (`.123000` is fine, `.1234` is not): nothing is rounded away silently.
 * - Out-of-range fields (month 13, 31 February, hour 24, minute 60) are rejected.
 *
 * @param text - the text to parse (leading/trailing blanks are not allowed)
 * @returns epoch milliseconds, or `undefined` when `text` is not a valid ISO-8601 instant
 * @example
 * ```ts
 * parseIsoInstant("2023-11-14T22:13:20.123Z"); // 1700000000123
 * parseIsoInstant("2023-11-14 23:13:20.123+01:00"); // 1700000000123
 * parseIsoInstant("1970-01-02"); // 86400000
 * parseIsoInstant("2023-02-31"); // undefined
 * ```
 */
export function parseIsoInstant(text: string): number | undefined {
  const m = ISO.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", off] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (y === "-000000") return undefined; // ISO forbids negative zero years
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (/[1-9]/.test(frac.slice(3))) return undefined; // sub-millisecond digits
  const ms = Number(frac.slice(0, 3).padEnd(3, "0"));
  const offsetMin = parseOffset(off);
  if (offsetMin === undefined) return undefined;
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  t.setUTCHours(hour, minute, second, ms);
  const value = t.getTime() - offsetMin * 60_000;
  return Number.isFinite(value) ? value : undefined;
}

function parseOffset(off: string | undefined): number | undefined {
  if (off === undefined || off === "Z" || off === "z") return 0;
  const sign = off[0] === "-" ? -1 : 1;
  const digits = off.slice(1).replace(":", "");
  const hh = Number(digits.slice(0, 2));
  const mm = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hh > 23 || mm > 59) return undefined;
  return sign * (hh * 60 + mm);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
