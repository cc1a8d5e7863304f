import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Path of a Chromium binary, or null when none is installed. */
export function chromiumPath(): string | null {
  for (const p of [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (p && existsSync(p)) return p;
  }
  return null;
}

/**
 * Opens a local HTML file in headless Chromium with the network closed and returns the DOM after
 * scripts ran (virtual time lets Plotly finish drawing).
 */
export function renderedDom(file: string, budgetMs = 10_000): string {
  const bin = chromiumPath();
  if (!bin) throw new Error("Chromium is not installed (apt-get install chromium)");
  const profile = mkdtempSync(join(tmpdir(), "chromium-"));
  try {
    const r = spawnSync(bin, [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic", `--user-data-dir=${profile}`,
      `--virtual-time-budget=${budgetMs}`, "--dump-dom", `file://${file}`,
    ], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024, timeout: 120_000 });
    if (r.status !== 0) throw new Error(`chromium failed (${r.status}): ${r.stderr.slice(-2000)}`);
    return r.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Counts charts in a rendered DOM: containers emitted by show(), and those Plotly actually drew. */
export function countCharts(dom: string): { containers: number; drawn: number } {
  const containers = (dom.match(/class="stbw-chart[^"]*"/g) ?? []).length;
  // Plotly adds the class js-plotly-plot to a container once it has drawn into it.
  const drawn = (dom.match(/class="stbw-chart[^"]*js-plotly-plot[^"]*"/g) ?? []).length;
  return { containers, drawn };
}
