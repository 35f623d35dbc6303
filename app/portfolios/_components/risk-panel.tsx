// The ex-ante risk of a portfolio's holdings: 1- and 10-session VaR and ES, historical and EWMA, as fractions of the
// value and as amounts in the base currency. An async server component: it loads history and waits in its own Suspense.
import { Card, Text } from "@tremor/react";
import { riskOfValuation } from "@/lib/portfolios/risk";
import type { PortfolioValuation } from "@/lib/portfolios/valuation";
import { formatPrice } from "../../_components/format";
import { ScrollRegion } from "../../_components/scroll-region";

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(2)} %` : "—");

export async function PortfolioRiskPanel({ valuation }: { valuation: PortfolioValuation }) {
  const risk = await riskOfValuation(valuation);
  const base = risk.baseCurrency;
  const cell = "px-3 py-2";
  return (
    <Card data-testid="risk-panel">
      <h2 className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Ex-ante risk</h2>
      {risk.unavailable ? (
        <Text className="mt-2">{risk.unavailable}</Text>
      ) : (
        <>
          <Text className="mt-1">
            Today&apos;s holdings (value {formatPrice(risk.value)} {base}) replayed over {risk.returns} daily returns in {base}, {risk.from} to {risk.to}, on the dates every
            series traded. Losses are positive.
          </Text>
          <div className="mt-3">
            <ScrollRegion label="Value at risk table">
              <table className="w-full text-tremor-default tabular-nums">
                <thead>
                  <tr className="border-b border-tremor-border text-left dark:border-dark-tremor-border">
                    <th className={cell}>Horizon</th>
                    <th className={cell}>Confidence</th>
                    <th className={`${cell} text-right`}>Historical VaR</th>
                    <th className={`${cell} text-right`}>Historical ES</th>
                    <th className={`${cell} text-right`}>EWMA VaR</th>
                    <th className={`${cell} text-right`}>EWMA ES</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-tremor-border dark:divide-dark-tremor-border">
                  {risk.figures.map((f) => (
                    <tr key={`${f.horizon}-${f.confidence}`}>
                      <td className={`${cell} whitespace-nowrap`}>{f.horizon === 1 ? "1 day" : `${f.horizon} days`}</td>
                      <td className={cell}>{Math.round(f.confidence * 1000) / 10} %</td>
                      {([["historicalVaR", "historicalVaRAmount"], ["historicalES", "historicalESAmount"], ["ewmaVaR", "ewmaVaRAmount"], ["ewmaES", "ewmaESAmount"]] as const).map(([frac, amount]) => (
                        <td key={frac} className={`${cell} text-right whitespace-nowrap`}>
                          {pct(f[frac])}
                          <span className="block text-xs text-tremor-content dark:text-dark-tremor-content">{formatPrice(f[amount])} {base}</span>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </div>
          <Text className="mt-2 text-xs">
            Historical: quantile of the holdings&apos; returns (linear interpolation); 10 days from overlapping 10-session windows ({risk.figures.find((f) => f.horizon === 10)?.historicalSamples ?? 0} of them).
            EWMA: RiskMetrics λ = 0.94, normal with zero mean, 10 days = 1 day × √10. Definitions: docs/methodology.md, “Portfolios”.
          </Text>
        </>
      )}
      {risk.excluded.length > 0 && (
        <p className="mt-2 text-sm text-amber-800 dark:text-amber-300" role="note">
          Not in these figures: {risk.excluded.map((x) => `${x.symbol} (${x.reason})`).join(", ")}.
        </p>
      )}
    </Card>
  );
}
