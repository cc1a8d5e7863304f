import { describe, expect, it } from "vitest";
import { arimaCoefficients, arimaSummaryLine } from "../../src/timeseries/arima-summary";

const model = {
  description: "ARIMA(1,0,0) with non-zero mean", coefNames: ["ar1", "intercept"],
  coef: { ar1: 0.5, intercept: 10 }, se: { ar1: 0.1, intercept: 2 },
  sigma2: 1.234567, loglik: -123.456, aic: 252.912, aicc: 253.1, bic: 260.5,
};

describe("arimaCoefficients / arimaSummaryLine", () => {
  it("tabulates estimates with z = estimate / se in R's coefficient order", () => {
    expect(arimaCoefficients(model).toRecords()).toEqual([
      { term: "ar1", estimate: 0.5, se: 0.1, z: 5 },
      { term: "intercept", estimate: 10, se: 2, z: 5 },
    ]);
  });
  it("prints the criteria", () => {
    expect(arimaSummaryLine(model)).toBe("ARIMA(1,0,0) with non-zero mean  sigma^2 1.235  log-lik -123.46  AIC 252.91  AICc 253.10  BIC 260.50");
  });
});
