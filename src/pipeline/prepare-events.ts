import type pl from "nodejs-polars";
import { cleanPipeline } from "../clean/clean-pipeline";
import type { CleanStep } from "../clean/clean-report";
import { defaultCleaning, type DefaultCleaningOptions } from "../clean/default-cleaning";
import { loadDataset } from "../io/datasets";
import { datasetWindow } from "../io/dataset-window";
import { localTimeSource } from "../io/dataset-local-time";
import type { LoadReport } from "../io/load-report";
import { parseColumnMapping } from "../io/parse-column-mapping";
import { sampleUsers } from "../io/sample-users";
import type { NotebookParams } from "../notebook/params";

/** What {@link prepareEvents} returns. */
export interface PreparedEvents {
  /** Cleaned events, with `ts_local` when local time could be derived. */
  events: pl.DataFrame;
  /** The frame as loaded (after `SAMPLE_USERS`), before cleaning. */
  raw: pl.DataFrame;
  loadReport: LoadReport;
  cleaningReport: CleanStep[];
}

/**
 * The common first step of every notebook after 01: load the dataset named by the parameters,
 * keep `SAMPLE_USERS` users (seeded), and run the default cleaning with the dataset's known window
 * and local-time source. Notebook 01 shows each of these steps on its own.
 *
 * @example
 * ```ts
 * const { params: P } = await setupNotebook();
 * const { events, cleaningReport } = prepareEvents(P);
 * ```
 */
export function prepareEvents(
  params: Pick<NotebookParams, "dataset" | "dataDir" | "columns" | "seed" | "sampleUsers">,
  cleaning: DefaultCleaningOptions = {},
): PreparedEvents {
  const mapping = params.columns ? parseColumnMapping(params.columns) : undefined;
  const { frame, report } = loadDataset(params.dataset, { dataDir: params.dataDir, mapping });
  const raw = sampleUsers(frame, params.sampleUsers, { seed: params.seed });
  const steps = defaultCleaning({
    window: datasetWindow(params.dataset, { dataDir: params.dataDir }),
    localTime: localTimeSource(params.dataset, raw),
    ...cleaning,
  });
  const cleaned = cleanPipeline(raw, steps);
  return { events: cleaned.frame, raw, loadReport: report, cleaningReport: cleaned.report };
}
