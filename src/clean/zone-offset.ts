/**
 * Returns a function giving the UTC offset (minutes, local − UTC) of an IANA time zone at an
 * instant, from `Intl.DateTimeFormat` (the ICU time-zone database shipped with Node), so
 * daylight-saving time is handled. Seconds of historical local mean time are dropped.
 *
 * @param zone IANA zone name, e.g. `"America/New_York"`.
 * @throws Error naming `zone` when the name is unknown.
 * @example
 * ```ts
 * const offset = zoneOffsetMinutes("America/New_York");
 * offset(Date.UTC(2024, 2, 10, 6, 59)); // -300 (EST, before the 2024-03-10 07:00 UTC switch)
 * offset(Date.UTC(2024, 2, 10, 7, 0));  // -240 (EDT)
 * ```
 */
export function zoneOffsetMinutes(zone: string): (epochMs: number) => number {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    throw new Error(`zone must be an IANA time zone name such as "Europe/Paris", got ${JSON.stringify(zone)}`);
  }
  return (epochMs: number): number => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(new Date(epochMs))) {
      if (part.type !== "literal") p[part.type] = Number(part.value);
    }
    const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour === 24 ? 0 : p.hour, p.minute, p.second);
    const utcSeconds = Math.floor(epochMs / 1000) * 1000;
    return Math.round((wall - utcSeconds) / 60000);
  };
}

/**
 * Local wall-clock milliseconds of UTC instants in one IANA zone. Offsets are looked up once
 * per distinct UTC day (at its first and last millisecond); a day that contains a transition is
 * resolved per hour the same way, and an hour that contains one (e.g. Lord Howe's 30-minute
 * shift at 15:30 UTC) row by row (this assumes at most one transition per day, true of the tz
 * database in practice). The cost is O(rows + distinct days · Intl call).
 * `NaN` in gives `NaN` out.
 *
 * @param utcMs instants as epoch milliseconds.
 * @param zone IANA zone name.
 * @example
 * ```ts
 * zoneLocalMs(Float64Array.of(Date.UTC(2024, 2, 10, 7)), "America/New_York"); // [Date.UTC(2024, 2, 10, 3)]
 * ```
 */
export function zoneLocalMs(utcMs: Float64Array, zone: string): Float64Array {
  const offset = zoneOffsetMinutes(zone);
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  // offset (minutes) of a whole span, or NaN when it changes inside the span
  const spanOffset = (start: number, length: number): number => {
    const a = offset(start);
    return a === offset(start + length - 1) ? a : NaN;
  };
  const byDay = new Map<number, number>();
  const byHour = new Map<number, number>();
  const out = new Float64Array(utcMs.length);
  for (let i = 0; i < utcMs.length; i++) {
    const t = utcMs[i];
    if (Number.isNaN(t)) {
      out[i] = NaN;
      continue;
    }
    const d = Math.floor(t / DAY);
    let o = byDay.get(d);
    if (o === undefined) byDay.set(d, (o = spanOffset(d * DAY, DAY)));
    if (Number.isNaN(o)) {
      const h = Math.floor(t / HOUR);
      o = byHour.get(h);
      if (o === undefined) byHour.set(h, (o = spanOffset(h * HOUR, HOUR)));
      if (Number.isNaN(o)) o = offset(t);
    }
    out[i] = t + o * 60_000;
  }
  return out;
}
