/** Where a simulated event comes from. */
export const SOURCE = {
  routine: 0,
  followUp: 1,
  noise: 2,
  cycleBuy: 3,
  impulseBuy: 4,
  bot: 5,
} as const;

/** A source code, see {@link SOURCE}. */
export type Source = (typeof SOURCE)[keyof typeof SOURCE];

/** One simulated event before it becomes a row (indices into the run's users and POIs). */
export interface SimEvent {
  /** User index (bots come after the real users). */
  u: number;
  /** POI index. */
  p: number;
  /** UTC instant, ms (whole seconds). */
  t: number;
  /** `buy` (true) or `check-in` (false). */
  buy: boolean;
  src: Source;
  /** Sequence rule index that produced a follow-up, else −1. */
  rule: number;
}

/**
 * Orders events by time, then user, then POI, then kind, then source.
 * @example
 * ```ts
 * events.sort(compareEvents);
 * ```
 */
export function compareEvents(a: SimEvent, b: SimEvent): number {
  return a.t - b.t || a.u - b.u || a.p - b.p || Number(a.buy) - Number(b.buy) || a.src - b.src;
}
