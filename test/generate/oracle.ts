/**
 * Plain-JS oracles over a generated frame, written from the definitions in the ground truth
 * (not from the generator's code): row extraction, dirty-row classification, local time,
 * daily counts and the rule measures. Shared by the test/generate tests.
 */
import type pl from "nodejs-polars";
import type { EventRow } from "../../src/generate/rows";
import type { GroundTruth } from "../../src/generate/truth";

/** One frame row (ts in UTC ms): the generator's row shape, a type only, so no generator code runs here. */
export type Row = EventRow;

const DAY = 86_400_000;

export function frameRows(df: pl.DataFrame): Row[] {
  const col = (n: string) => df.getColumn(n).toArray() as unknown[];
  const [u, it, ts, ev, cat, lat, lon, text] = ["user", "item", "ts", "event", "category", "lat", "lon", "text"].map(col);
  return u.map((_, i) => ({
    user: u[i] as string,
    item: it[i] as string,
    ts: (ts[i] as Date).getTime(),
    event: ev[i] as string,
    category: cat[i] as string | null,
    lat: lat[i] as number | null,
    lon: lon[i] as number | null,
    text: text[i] as string,
  }));
}

/** Dirty kind of each row ("" = valid), classified straight from the truth's definitions. */
export function classifyRows(rows: Row[], truth: GroundTruth): { kinds: string[]; flagsPerRow: number[] } {
  const start = Date.parse(truth.window.startUtc);
  const end = Date.parse(truth.window.endUtc);
  const bots = new Set(truth.dirty.bots.map((b) => b.user));
  const kinds = rows.map(() => "");
  const flagsPerRow = rows.map(() => 0);
  const flag = (i: number, k: string) => {
    kinds[i] = k;
    flagsPerRow[i]++;
  };
  const seen = new Set<string>();
  const kept: number[] = [];
  rows.forEach((r, i) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) flag(i, "exact_duplicate");
    else {
      seen.add(key);
      kept.push(i);
    }
    if (bots.has(r.user)) flag(i, "hyperactive_user");
    if (r.ts < start) flag(i, "ts_before_start");
    if (r.ts >= end) flag(i, "ts_after_end");
    if (r.lat === null && r.lon === null) flag(i, "missing_coordinates");
    if (r.category === null) flag(i, "missing_category");
    if (r.lat !== null && Math.abs(r.lat) > 90) flag(i, "lat_out_of_range");
    if (r.lon !== null && Math.abs(r.lon) > 180) flag(i, "lon_out_of_range");
  });
  const groups = new Map<string, number[]>();
  for (const i of kept) {
    const k = `${rows[i].user}\u0000${rows[i].item}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(i);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => rows[a].ts - rows[b].ts || a - b);
    let last = -Infinity;
    for (const i of list) {
      if (rows[i].ts - last <= 60_000) flag(i, "near_duplicate");
      else last = rows[i].ts;
    }
  }
  return { kinds, flagsPerRow };
}

/** The valid rows (no defect of any kind). */
export function validRows(rows: Row[], truth: GroundTruth): Row[] {
  const { kinds } = classifyRows(rows, truth);
  return rows.filter((_, i) => kinds[i] === "");
}

export interface Local {
  /** Local day index from the window start. */
  day: number;
  hour: number;
  /** 0 = Monday. */
  dow: number;
  date: string;
}

export function local(ts: number, truth: GroundTruth): Local {
  const l = new Date(ts + truth.window.tzOffsetMin * 60_000);
  return {
    day: Math.floor((ts - Date.parse(truth.window.startUtc)) / DAY),
    hour: l.getUTCHours(),
    dow: (l.getUTCDay() + 6) % 7,
    date: l.toISOString().slice(0, 10),
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function dayMatches(kind: string, dow: number): boolean {
  return kind === "any" || (kind === "weekend" ? dow >= 5 : dow < 5);
}

/** Daily counts of rows by local day index. */
export function dailyCounts(rows: Row[], truth: GroundTruth): number[] {
  const out = new Array<number>(truth.window.days).fill(0);
  for (const r of rows) out[local(r.ts, truth).day]++;
  return out;
}

/** Days that are anomalies or payday-bump days (excluded from baselines). */
export function specialDays(truth: GroundTruth): { anomaly: Set<number>; payday: Set<number> } {
  const start = Date.parse(truth.window.startUtc);
  const anomaly = new Set(truth.anomalies.map((a) => local(Date.parse(`${a.date}T12:00:00Z`) - truth.window.tzOffsetMin * 60_000, truth).day));
  const payday = new Set<number>();
  for (let d = 0; d < truth.window.days; d++) {
    const dom = new Date(start + truth.window.tzOffsetMin * 60_000 + d * DAY).getUTCDate();
    if (truth.monthly.payday.daysOfMonth.includes(dom)) payday.add(d);
  }
  return { anomaly, payday };
}

/** Median count of the same weekday within ± weeks, without anomaly and payday days. */
export function baseline(daily: number[], d: number, weeks: number, skip: Set<number>): number {
  const xs: number[] = [];
  for (let k = -weeks; k <= weeks; k++) {
    const q = d + 7 * k;
    if (k !== 0 && q >= 0 && q < daily.length && !skip.has(q)) xs.push(daily[q]);
  }
  return median(xs);
}

/** Confidence, base rate and lift of a context rule over valid check-ins. */
export function contextRule(rows: Row[], truth: GroundTruth, k: number): { n: number; confidence: number; baseRate: number; lift: number } {
  const rule = truth.contextRules[k];
  const region = new Map(truth.pois.map((p) => [p.item, p.region]));
  let all = 0;
  let b = 0;
  let n = 0;
  let both = 0;
  for (const r of rows) {
    if (r.event !== "check-in") continue;
    all++;
    if (r.category === rule.consequent) b++;
    const l = local(r.ts, truth);
    if (region.get(r.item) !== rule.region || l.hour < rule.hours[0] || l.hour > rule.hours[1] || !dayMatches(rule.dayKind, l.dow)) continue;
    n++;
    if (r.category === rule.consequent) both++;
  }
  const confidence = both / n;
  return { n, confidence, baseRate: b / all, lift: confidence / (b / all) };
}

/** Confidence and lift of a sequence rule A → B within maxGap over valid check-ins. */
export function sequenceRule(rows: Row[], truth: GroundTruth, k: number): { n: number; confidence: number; lift: number } {
  const rule = truth.sequenceRules[k];
  const byUser = new Map<string, Row[]>();
  for (const r of rows) {
    if (r.event !== "check-in") continue;
    if (!byUser.has(r.user)) byUser.set(r.user, []);
    byUser.get(r.user)!.push(r);
  }
  let n = 0;
  let both = 0;
  let others = 0;
  let othersB = 0;
  const maxGap = rule.maxGapMin * 60_000;
  for (const list of byUser.values()) {
    list.sort((a, b) => a.ts - b.ts);
    list.forEach((r, i) => {
      const l = local(r.ts, truth);
      if (l.hour < rule.antecedentHours[0] || l.hour > rule.antecedentHours[1] || !dayMatches(rule.dayKind, l.dow)) return;
      let followed = false;
      for (let j = i + 1; j < list.length && list[j].ts - r.ts <= maxGap; j++) if (list[j].ts > r.ts && list[j].category === rule.consequent) followed = true;
      if (r.category === rule.antecedent) {
        n++;
        if (followed) both++;
      } else {
        others++;
        if (followed) othersB++;
      }
    });
  }
  return { n, confidence: both / n, lift: both / n / (othersB / others) };
}

/** Share of rows by local hour, separately for weekdays and weekends. */
export function hourShares(rows: Row[], truth: GroundTruth): { weekday: number[]; weekend: number[] } {
  const wd = new Array<number>(24).fill(0);
  const we = new Array<number>(24).fill(0);
  for (const r of rows) {
    const l = local(r.ts, truth);
    (l.dow >= 5 ? we : wd)[l.hour]++;
  }
  const norm = (h: number[]) => h.map((x) => x / h.reduce((s, y) => s + y, 0));
  return { weekday: norm(wd), weekend: norm(we) };
}

/** The `k` highest local maxima of a cyclic histogram (h[i] > both neighbours), as hours. */
export function topPeaks(h: number[], k: number): number[] {
  const n = h.length;
  return h
    .map((x, i) => ({ i, x, peak: x > h[(i + n - 1) % n] && x > h[(i + 1) % n] }))
    .filter((p) => p.peak)
    .sort((a, b) => b.x - a.x)
    .slice(0, k)
    .map((p) => p.i)
    .sort((a, b) => a - b);
}

/** Per cyclic user: the item with most buys, and the median gap between its buys in days. */
export function purchasePeriods(rows: Row[]): Map<string, { item: string; buys: number; periodDays: number }> {
  const buys = new Map<string, Map<string, number[]>>();
  for (const r of rows) {
    if (r.event !== "buy") continue;
    if (!buys.has(r.user)) buys.set(r.user, new Map());
    const m = buys.get(r.user)!;
    if (!m.has(r.item)) m.set(r.item, []);
    m.get(r.item)!.push(r.ts);
  }
  const out = new Map<string, { item: string; buys: number; periodDays: number }>();
  for (const [user, m] of buys) {
    const [item, ts] = [...m.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0];
    if (ts.length < 3) continue;
    ts.sort((a, b) => a - b);
    const gaps = ts.slice(1).map((t, i) => (t - ts[i]) / DAY);
    out.set(user, { item, buys: ts.length, periodDays: median(gaps) });
  }
  return out;
}
