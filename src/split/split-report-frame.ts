import pl from "nodejs-polars";
import type { SplitReport } from "./split-result";

/**
 * One row per split report, for a notebook table comparing splits: method, what it promises,
 * rows and users on each side, cold users/items in test, and the cut instant when there is one.
 *
 * @example
 * ```ts
 * showTable(splitReportFrame([globalTimeSplit(df, { cut: 0.8 }).report, leaveLastOut(df).report]));
 * ```
 */
export function splitReportFrame(reports: readonly SplitReport[]): pl.DataFrame {
  return pl.DataFrame({
    method: reports.map((r) => r.method),
    promise: reports.map((r) => r.promise),
    rows_train: reports.map((r) => r.rowsTrain),
    rows_test: reports.map((r) => r.rowsTest),
    test_share: reports.map((r) => (r.rowsIn ? r.rowsTest / r.rowsIn : 0)),
    users_train: reports.map((r) => r.usersTrain),
    users_test: reports.map((r) => r.usersTest),
    cold_users: reports.map((r) => r.coldUsers),
    cold_items: reports.map((r) => r.coldItems),
    cut: reports.map((r) => (r.cut ? r.cut.toISOString() : "")),
  });
}
