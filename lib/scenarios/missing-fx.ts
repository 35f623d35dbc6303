// A scenario's book holds a currency no stored FX series converts into its base currency.
import { ValidationError } from "@/lib/errors";

/** 422 on the base currency, naming the series to add. */
export class MissingFxSeriesError extends ValidationError {
  constructor(readonly missing: { from: string; to: string; add: string[] }[]) {
    const text = missing.map((m) => `${m.from} → ${m.to} needs ${m.add.join(" and ")}`).join("; ");
    super({ "book.baseCurrency": [`No stored FX series converts every position into the base currency: ${text}. Add the series as an asset, then run the scenario again.`] });
  }
}
