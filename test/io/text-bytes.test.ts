import { describe, expect, it } from "vitest";
import { collapseWhitespace, replaceSeparator, toUtf8 } from "../../src/io/text-bytes";
import { createRng } from "../../src/util/rng";

/** Plain-JS oracle of collapseWhitespace: per line, trim spaces/tabs and join the fields with one tab. */
function collapseOracle(text: string): string {
  return text
    .split(/(\r?\n)/)
    .map((part) => (/^\r?\n$/.test(part) ? part : part.replace(/^[ \t]+|[ \t]+$/g, "").replace(/[ \t]+/g, "\t")))
    .join("");
}

function randomText(seed: number, alphabet: string[], n: number): string {
  const rng = createRng(seed);
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[rng.int(alphabet.length)];
  return s;
}

describe("toUtf8", () => {
  it("keeps valid UTF-8 unchanged and decodes latin-1 bytes", () => {
    const utf8 = Buffer.from("Misérables", "utf8");
    expect(toUtf8(utf8)).toBe(utf8);
    expect(toUtf8(Buffer.from([0x4d, 0x69, 0x73, 0xe9, 0x72])).toString("utf8")).toBe("Misér");
    // forcing latin-1 decodes a UTF-8 é (0xc3 0xa9) as two characters
    expect(toUtf8(utf8, "latin1").toString("utf8")).toBe("MisÃ©rables");
  });
});

describe("collapseWhitespace", () => {
  it("turns runs of spaces/tabs into one tab and trims each line (hand case)", () => {
    const out = collapseWhitespace(Buffer.from("  3    4244\t 40.75 \r\n\n15\t\t2\n"));
    expect(out.toString()).toBe("3\t4244\t40.75\r\n\n15\t2\n");
  });
  it("agrees with a regex oracle on random text", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const text = randomText(seed, [" ", " ", "\t", "\n", "\r\n", "a", "7", ".", "-"], 200);
      expect(collapseWhitespace(Buffer.from(text)).toString()).toBe(collapseOracle(text));
    }
  });
});

describe("replaceSeparator", () => {
  it("replaces a multi-byte separator and keeps single colons", () => {
    const out = replaceSeparator(Buffer.from("661::Star Wars: Episode IV::Action|Sci-Fi\n"), "::", "\t");
    expect(out.toString()).toBe("661\tStar Wars: Episode IV\tAction|Sci-Fi\n");
  });
  it("agrees with split/join on random text", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const text = randomText(seed, [":", "::", "a", "b", "\n"], 100);
      expect(replaceSeparator(Buffer.from(text), "::", "\t").toString()).toBe(text.split("::").join("\t"));
    }
  });
  it("rejects a replacement longer than one byte", () => {
    expect(() => replaceSeparator(Buffer.from("a::b"), "::", "ab")).toThrow(/one byte/);
  });
});
