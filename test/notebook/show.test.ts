import { describe, expect, it, vi } from "vitest";
import { figureHtml, plotlyLoaderHtml } from "../../src/notebook/show";
import { record } from "../../src/notebook/record";
import { readParams } from "../../src/notebook/params";
import { tableHtml } from "../../src/notebook/show-table";
import pl from "nodejs-polars";

describe("figureHtml", () => {
  it("embeds the figure as JSON that cannot close its script tag early", () => {
    const html = figureHtml({ data: [{ type: "bar", x: ["</script><b>"], y: [1] }], layout: {} }, "p1", 300);
    expect(html).toContain('id="p1"');
    expect(html).toContain("height:300px");
    expect(html.match(/<\/script>/g)?.length).toBe(1); // only the real closing tag
    const json = html.match(/var spec = (.*);\n/)?.[1] ?? "";
    expect(JSON.parse(json.replace(/<\\\//g, "</")).data[0].x[0]).toBe("</script><b>");
  });

  it("inlines plotly.js from node_modules (no CDN)", () => {
    const loader = plotlyLoaderHtml();
    expect(loader.length).toBeGreaterThan(1_000_000);
    expect(loader).not.toMatch(/src=["']https?:/);
  });
});

describe("record", () => {
  it("prints name = JSON outside a kernel and validates its input", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    record("rows_kept", 1234);
    expect(log).toHaveBeenCalledWith("rows_kept = 1234");
    log.mockRestore();
    expect(() => record("bad name", 1)).toThrow(/record name/);
    expect(() => record("x", Number.NaN)).toThrow(/finite/);
  });
});

describe("readParams", () => {
  it("applies defaults and validates integers", () => {
    const p = readParams({});
    expect(p.dataset).toBe("sample");
    expect(p.seed).toBe(42);
    expect(p.sampleUsers).toBe(0);
    expect(p.dataDir.endsWith("/shared/data")).toBe(true);
    expect(readParams({ DATASET: "gowalla-nyc", SEED: "7", SAMPLE_USERS: "100", DATA_DIR: "/d" })).toMatchObject({
      dataset: "gowalla-nyc", seed: 7, sampleUsers: 100, dataDir: "/d",
    });
    expect(() => readParams({ SEED: "abc" })).toThrow(/SEED must be an integer/);
    expect(() => readParams({ SAMPLE_USERS: "-1" })).toThrow(/SAMPLE_USERS/);
  });
});

describe("tableHtml", () => {
  it("renders the head of a frame with escaped values and the frame's shape", () => {
    const df = pl.DataFrame({ name: ["<a>", "b", "c"], x: [1.23456789, 2, 3] });
    const html = tableHtml(df, { maxRows: 2 });
    expect(html).toContain("&lt;a&gt;");
    expect(html).toContain("1.235");
    expect(html).not.toContain(">c<");
    expect(html).toContain("3 rows × 2 columns (first 2 shown)");
  });
});
