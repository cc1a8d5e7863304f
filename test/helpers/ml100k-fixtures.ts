import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * MovieLens-100k format fixtures, written to a temporary folder at test time rather than kept
 * as tracked `u.data` / `u.item` files (every title, id and URL is invented; only the format is
 * MovieLens's). `u.item` is latin-1, as in the real files ("Mis\u00e9ricorde" holds byte 0xe9).
 */
const ITEMS = "1|Paper Boats (1995)|01-Jan-1995||http://x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n242|Winter Orchard (1996)|24-Jan-1997||http://x|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n302|Harbour Lights (1997)|01-Jan-1997||http://x|0|0|0|0|0|0|1|0|0|0|1|0|0|1|0|0|1|0|0\n543|Mis\u00e9ricorde, La (1995)|01-Jan-1995||http://x|0|0|0|0|0|0|0|0|1|0|0|0|1|0|0|0|0|0|0\n267|unknown||||1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n999|\"Quoted\" Title (1998)|01-Jan-1998||http://x|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n";
const GENRES = "unknown|0\nAction|1\nAdventure|2\nAnimation|3\nChildren's|4\nComedy|5\nCrime|6\nDocumentary|7\nDrama|8\nFantasy|9\nFilm-Noir|10\nHorror|11\nMusical|12\nMystery|13\nRomance|14\nSci-Fi|15\nThriller|16\nWar|17\nWestern|18\n\n";
const RATINGS: Record<Ml100kFixture, string> = {
  "ml-100k": "901\t242\t3\t881250949\n902\t302\t3\t891717742\n903\t377\t1\t878887116\n904\t543\t2\t874965758\n905\t999\t5\t881250949\n",
  "ml-100k-bad": "901\t242\t3\t881250949\n902\t302\t3\t89171774x\n\t377\t1\t878887116\n904\t543\tx\t874965758\n\n905\t1\tNaN\t881250949\n903\t1\t4.5\t878887116\n906\t1\t4\t\n",
  "ml-100k-allbad": "901\t242\t3\tyesterday\n902\t302\t3\ttoday\n",
};

/** The three fixture folders: well-formed, some bad rows, every row bad (and no u.genre). */
export type Ml100kFixture = "ml-100k" | "ml-100k-bad" | "ml-100k-allbad";

let root: string | null = null;

/**
 * Path of a MovieLens-100k fixture folder (or of `file` inside it), written once per process.
 *
 * @example
 * ```ts
 * loadMovieLens(ml100k("ml-100k"), { variant: "100k" });
 * ml100k("ml-100k", "u.data"); // the ratings file's path, as named in load reports
 * ```
 */
export function ml100k(name: Ml100kFixture, file?: string): string {
  if (root === null) {
    root = mkdtempSync(join(tmpdir(), "ml100k-fixtures-"));
    for (const [dir, ratings] of Object.entries(RATINGS)) {
      const d = join(root, dir);
      mkdirSync(d);
      writeFileSync(join(d, "u.data"), ratings, "latin1");
      writeFileSync(join(d, "u.item"), ITEMS, "latin1");
      if (dir !== "ml-100k-allbad") writeFileSync(join(d, "u.genre"), GENRES, "latin1");
    }
  }
  return file ? join(root, name, file) : join(root, name);
}
