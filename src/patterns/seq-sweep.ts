/**
 * The counting kernel of `sequentialRules`: one two-pointer sweep over each user's
 * time-ordered events, on typed arrays (no Polars).
 */

/** Events as typed columns, grouped by user and sorted by time within each user. */
export interface SeqEvents {
  /** Token code of each event, in [0, nTokens). */
  token: Int32Array;
  /** Event time, epoch ms, non-decreasing within a user. */
  t: Float64Array;
  /** Start of each user's events, plus the end (length = users + 1). */
  userStart: Int32Array;
  /** 1 when the event may act as an antecedent (anchor). */
  anchor: Uint8Array;
  /** Session of each event (only read when `sameSession`); null to ignore sessions. */
  session: Float64Array | null;
  nTokens: number;
}

/** Window of a sequence rule: B counts when minGapMs < t_B − t_A ≤ maxGapMs. */
export interface SeqWindow {
  minGapMs: number;
  maxGapMs: number;
  sameSession: boolean;
  selfRules: boolean;
}

/** Counts gathered by {@link seqSweep}. */
export interface SeqCounts {
  /** Anchor events. */
  nAnchors: number;
  /** Anchor events per token (the n of A). */
  anchorsByToken: Float64Array;
  /** Anchor events (any token) followed by token b within the window. */
  followedBy: Float64Array;
  /** Pair key a · nTokens + b → counts; only pairs seen at least once. */
  pairs: Map<number, SeqPair>;
}

/** Counts of one pair A → B. */
export interface SeqPair {
  a: number;
  b: number;
  /** A anchors followed by B within the window. */
  both: number;
  /** Distinct users with at least one such anchor. */
  users: number;
  /** Delay to the first B after each such anchor, ms. */
  delays: number[];
  lastUser: number;
}

/**
 * For every anchor event i of a user, looks at the events j after it while
 * t_j ≤ t_i + maxGap (the right pointer only moves forward), and counts each distinct token
 * once per anchor, with the delay of its first occurrence. Cost O(n · w), w the largest
 * number of events in one window; memory O(pairs + matches).
 * @internal
 * @example
 * ```ts
 * const c = seqSweep(events, { minGapMs: 0, maxGapMs: 7_200_000, sameSession: false, selfRules: false });
 * c.pairs.get(a * events.nTokens + b)?.both; // A anchors followed by B within 2 h
 * ```
 */
export function seqSweep(ev: SeqEvents, w: SeqWindow): SeqCounts {
  const { token, t, userStart, anchor, session, nTokens } = ev;
  const anchorsByToken = new Float64Array(nTokens);
  const followedBy = new Float64Array(nTokens);
  const stamp = new Int32Array(nTokens).fill(-1);
  const pairs = new Map<number, SeqPair>();
  let nAnchors = 0;
  const nUsers = userStart.length - 1;
  for (let u = 0; u < nUsers; u++) {
    const end = userStart[u + 1];
    let hi = userStart[u];
    for (let i = userStart[u]; i < end; i++) {
      if (!anchor[i]) continue;
      nAnchors++;
      const a = token[i];
      anchorsByToken[a]++;
      const limit = t[i] + w.maxGapMs;
      const after = t[i] + w.minGapMs;
      if (hi < i + 1) hi = i + 1;
      while (hi < end && t[hi] <= limit) hi++;
      for (let j = i + 1; j < hi; j++) {
        if (!(t[j] > after)) continue;
        if (w.sameSession && session !== null && session[j] !== session[i]) continue;
        const b = token[j];
        if (stamp[b] === i) continue;
        stamp[b] = i;
        followedBy[b]++;
        if (b === a && !w.selfRules) continue;
        const key = a * nTokens + b;
        let p = pairs.get(key);
        if (p === undefined) {
          p = { a, b, both: 0, users: 0, delays: [], lastUser: -1 };
          pairs.set(key, p);
        }
        p.both++;
        p.delays.push(t[j] - t[i]);
        if (p.lastUser !== u) {
          p.lastUser = u;
          p.users++;
        }
      }
    }
  }
  return { nAnchors, anchorsByToken, followedBy, pairs };
}
