import { createRng } from "../../src/util/rng";
import { haversine } from "../../src/spatial/haversine";

/**
 * Brute-force DBSCAN, written straight from Ester et al. (1996): O(n²) region queries with
 * `haversine(...) <= eps`, points scanned in row order, each cluster expanded fully (FIFO
 * seeds), a border point keeps the first cluster that reaches it, the point counts in its own
 * neighbourhood.
 */
export function bruteDbscan(lat: number[], lon: number[], eps: number, minPts: number): { labels: number[]; core: number[] } {
  const n = lat.length;
  const region = (i: number) => {
    const out: number[] = [];
    for (let j = 0; j < n; j++) if (haversine(lat[i], lon[i], lat[j], lon[j]) <= eps) out.push(j);
    return out;
  };
  const UNCL = -2;
  const labels = new Array<number>(n).fill(UNCL);
  const core = new Array<number>(n).fill(0);
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] !== UNCL) continue;
    const seeds = region(i);
    if (seeds.length < minPts) {
      labels[i] = -1;
      continue;
    }
    core[i] = 1;
    for (const j of seeds) labels[j] = labels[j] === UNCL || labels[j] === -1 ? c : labels[j];
    const queue = seeds.filter((j) => j !== i);
    while (queue.length) {
      const q = queue.shift()!;
      const res = region(q);
      if (res.length < minPts) continue;
      core[q] = 1;
      for (const j of res) {
        if (labels[j] === UNCL) {
          queue.push(j);
          labels[j] = c;
        } else if (labels[j] === -1) labels[j] = c;
      }
    }
    c++;
  }
  return { labels, core };
}

/**
 * Seeded test points: Gaussian blobs around `centres` (sd in metres) plus uniform noise in a box,
 * with some exact duplicates, shuffled.
 */
export function blobPoints(seed: number, centres: [number, number][], perBlob: number, sdM: number, noise: number): { lat: number[]; lon: number[] } {
  const rng = createRng(seed);
  const lat: number[] = [];
  const lon: number[] = [];
  const mLat = 111_195;
  for (const [cy, cx] of centres) {
    const mLon = mLat * Math.cos((cy * Math.PI) / 180);
    for (let k = 0; k < perBlob; k++) {
      lat.push(cy + (rng.normal() * sdM) / mLat);
      lon.push(cx + (rng.normal() * sdM) / mLon);
    }
  }
  const y0 = Math.min(...centres.map((c) => c[0])) - 0.02;
  const x0 = Math.min(...centres.map((c) => c[1])) - 0.02;
  const y1 = Math.max(...centres.map((c) => c[0])) + 0.02;
  const x1 = Math.max(...centres.map((c) => c[1])) + 0.02;
  for (let k = 0; k < noise; k++) {
    lat.push(y0 + rng.next() * (y1 - y0));
    lon.push(x0 + rng.next() * (x1 - x0));
  }
  const dups = Math.floor(lat.length / 10);
  for (let k = 0; k < dups; k++) {
    const j = rng.int(lat.length);
    lat.push(lat[j]);
    lon.push(lon[j]);
  }
  const order = rng.shuffle(lat.map((_, i) => i));
  return { lat: order.map((i) => lat[i]), lon: order.map((i) => lon[i]) };
}
