import { describe, expect, it } from "vitest";
import { bfgs, numericGradient, numericHessian } from "../../src/timeseries/optim-bfgs";
import { brentMinimize } from "../../src/timeseries/optim-brent";
import { nelderMead } from "../../src/timeseries/optim-nelder-mead";

const rosenbrock = (p: Float64Array): number => 100 * (p[1] - p[0] ** 2) ** 2 + (1 - p[0]) ** 2;
const quadratic = (p: Float64Array): number => (p[0] - 3) ** 2 + 10 * (p[1] + 1) ** 2 + (p[0] - 3) * (p[1] + 1);

describe("optimisers", () => {
  it("BFGS with numerical gradients finds the minimum of a quadratic and of Rosenbrock's valley", () => {
    const q = bfgs(quadratic, [0, 0]);
    expect(q.par[0]).toBeCloseTo(3, 4);
    expect(q.par[1]).toBeCloseTo(-1, 4);
    expect(q.convergence).toBe(0);
    const r = bfgs(rosenbrock, [-1.2, 1], { maxit: 500 });
    expect(r.par[0]).toBeCloseTo(1, 2);
    expect(r.par[1]).toBeCloseTo(1, 2);
  });

  it("BFGS respects parscale and reports hitting maxit", () => {
    const f = (p: Float64Array): number => (p[0] - 5000) ** 2 / 1e6 + (p[1] - 0.5) ** 2;
    const r = bfgs(f, [0, 0], { parscale: [1000, 1] });
    expect(r.par[0]).toBeCloseTo(5000, 0);
    expect(bfgs(rosenbrock, [-1.2, 1], { maxit: 3 }).convergence).toBe(1);
    expect(() => bfgs(() => NaN, [0])).toThrow(/not finite/);
  });

  it("numerical gradient and Hessian match the analytic ones", () => {
    const f = (p: Float64Array): number => p[0] ** 2 * p[1] + Math.sin(p[1]);
    const g = numericGradient(f, new Float64Array([1.5, 0.3]), new Float64Array([1, 1]), 1e-3);
    expect(g[0]).toBeCloseTo(2 * 1.5 * 0.3, 6);
    expect(g[1]).toBeCloseTo(1.5 ** 2 + Math.cos(0.3), 6);
    const H = numericHessian(f, [1.5, 0.3]);
    expect(H[0]).toBeCloseTo(0.6, 5);
    expect(H[1]).toBeCloseTo(3, 5);
    expect(H[3]).toBeCloseTo(-Math.sin(0.3), 5);
  });

  it("Nelder–Mead and Brent find known minima", () => {
    const nm = nelderMead(quadratic, [0, 0]);
    expect(nm.par[0]).toBeCloseTo(3, 3);
    expect(nm.par[1]).toBeCloseTo(-1, 3);
    const b = brentMinimize((x) => Math.cos(x), 2, 4);
    expect(b.x).toBeCloseTo(Math.PI, 4);
    expect(brentMinimize((x) => Math.abs(x - 0.3), -1, 2).x).toBeCloseTo(0.3, 3);
  });
});
