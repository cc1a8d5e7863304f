import { describe, expect, it } from "vitest";
import { fft, fftInPlace } from "../../src/timeseries/fft";
import { createRng } from "../../src/util/rng";

/** Direct O(N²) DFT, the oracle. */
function dft(re: number[], im: number[], inverse = false): { re: number[]; im: number[] } {
  const n = re.length;
  const sign = inverse ? 1 : -1;
  const outR: number[] = [];
  const outI: number[] = [];
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let t = 0; t < n; t++) {
      const a = (sign * 2 * Math.PI * ((k * t) % n)) / n;
      sr += re[t] * Math.cos(a) - im[t] * Math.sin(a);
      si += re[t] * Math.sin(a) + im[t] * Math.cos(a);
    }
    outR.push(sr);
    outI.push(si);
  }
  return { re: outR, im: outI };
}

describe("fft", () => {
  const rng = createRng(11);
  const lengths = [...Array.from({ length: 33 }, (_, i) => i + 1), 64, 100, 127, 243, 256];

  it("equals the direct DFT for every length (radix-2 and Bluestein), complex input, both directions", () => {
    for (const n of lengths) {
      const re = Array.from({ length: n }, () => rng.normal());
      const im = Array.from({ length: n }, () => rng.normal());
      for (const inverse of [false, true]) {
        const got = fft(re, { im, inverse });
        const want = dft(re, im, inverse);
        const scale = Math.sqrt(n);
        for (let k = 0; k < n; k++) {
          expect(Math.abs(got.re[k] - want.re[k])).toBeLessThan(1e-9 * scale);
          expect(Math.abs(got.im[k] - want.im[k])).toBeLessThan(1e-9 * scale);
        }
      }
    }
  });

  it("inverts: fft(fft(x), inverse) = N·x, and leaves its inputs alone", () => {
    for (const n of [12, 97, 128]) {
      const x = Array.from({ length: n }, () => rng.normal());
      const copy = [...x];
      const f = fft(x);
      const back = fft(f.re, { im: f.im, inverse: true });
      for (let t = 0; t < n; t++) {
        expect(back.re[t] / n).toBeCloseTo(x[t], 10);
        expect(back.im[t] / n).toBeCloseTo(0, 10);
      }
      expect(x).toEqual(copy);
    }
  });

  it("hand-computed cases", () => {
    const a = fft([1, 2, 3]);
    expect(a.re[0]).toBeCloseTo(6, 12);
    expect(a.re[1]).toBeCloseTo(-1.5, 12);
    expect(a.im[1]).toBeCloseTo(Math.sqrt(3) / 2, 12);
    expect(a.im[2]).toBeCloseTo(-Math.sqrt(3) / 2, 12);
    const re = Float64Array.of(1, 0, 0, 0);
    const im = new Float64Array(4);
    fftInPlace(re, im);
    expect(Array.from(re)).toEqual([1, 1, 1, 1]);
    expect(fft([]).re.length).toBe(0);
    expect(Array.from(fft([5]).re)).toEqual([5]);
  });

  it("fails loudly on bad input", () => {
    expect(() => fftInPlace(new Float64Array(6), new Float64Array(6))).toThrow(/power-of-two length, got 6/);
    expect(() => fftInPlace(new Float64Array(4), new Float64Array(2))).toThrow(/same length/);
    expect(() => fft([1, NaN, 3])).toThrow(/re\[1\] is NaN/);
    expect(() => fft([1, 2], { im: [1] })).toThrow(/options.im must have the length of re \(2\)/);
  });
});
