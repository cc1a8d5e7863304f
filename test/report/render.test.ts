import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runNotebooks } from "../../scripts/notebook-runner";
import { chromiumPath, countCharts, renderedDom } from "../helpers/chromium";

const fixtures = resolve(__dirname, "..", "fixtures", "notebooks");
const out = mkdtempSync(join(tmpdir(), "reports-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("notebook runner", () => {
  it("executes a notebook into an HTML report whose charts draw offline in Chromium", async () => {
    const [r] = await runNotebooks({ notebookDir: fixtures, filters: ["charts"], outDir: out, verbose: false });
    expect(r.status).toBe("ok");
    expect(r.records).toEqual({ answer: 42 });
    const html = readFileSync(r.html, "utf8");
    // plotly.js is embedded once per notebook, not per chart, and nothing is fetched from a CDN
    expect(html.split("if (!window.Plotly)").length - 1).toBe(1);
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).toContain("charts.ipynb");
    expect(index).toContain("answer");
    if (!chromiumPath()) throw new Error("Chromium is required for this test: run `npm run setup`");
    expect(countCharts(renderedDom(r.html))).toEqual({ containers: 2, drawn: 2 });
  });

  it("reports the failing cell and tslab's real error message", async () => {
    const [r] = await runNotebooks({ notebookDir: fixtures, filters: ["failing"], outDir: out, verbose: false });
    expect(r.status).toBe("failed");
    expect(r.failedCell?.number).toBe(2);
    expect(r.error).toContain("events.csv:17, column 'ts': not a timestamp");
    expect(existsSync(r.html)).toBe(true);
  });
});
