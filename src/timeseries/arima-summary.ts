import pl from "nodejs-polars";
import type { ArimaModel } from "./arima-model";

/**
 * The coefficient table of a fitted ARIMA model, as R's `print(fit)` shows it: one row per
 * coefficient with its estimate, standard error and z = estimate / s.e.
 *
 * @example
 * ```ts
 * showTable(arimaCoefficients(autoArima(y, { period: 12 })));
 * // term  estimate  se      z
 * // ar1   0.5960    0.0…    …
 * ```
 */
export function arimaCoefficients(model: Pick<ArimaModel, "coefNames" | "coef" | "se">): pl.DataFrame {
  const names = [...model.coefNames];
  const est = names.map((n) => model.coef[n]);
  const se = names.map((n) => model.se[n] ?? Number.NaN);
  return pl.DataFrame({ term: names, estimate: est, se, z: est.map((e, i) => e / se[i]) });
}

/**
 * One line with the model and its information criteria, as R prints them.
 * @example
 * ```ts
 * arimaSummaryLine(fit); // "ARIMA(2,1,1)(0,1,0)[12]  sigma^2 132.3  log-lik -504.92  AIC 1017.85  AICc 1018.17  BIC 1029.35"
 * ```
 */
export function arimaSummaryLine(model: Pick<ArimaModel, "description" | "sigma2" | "loglik" | "aic" | "aicc" | "bic">): string {
  const f = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(2) : x.toPrecision(4));
  return `${model.description}  sigma^2 ${f(model.sigma2)}  log-lik ${f(model.loglik)}  AIC ${f(model.aic)}  AICc ${f(model.aicc)}  BIC ${f(model.bic)}`;
}
