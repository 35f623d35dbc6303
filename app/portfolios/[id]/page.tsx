import { Card, Text } from "@tremor/react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { findPortfolio, portfolioHistory } from "@/lib/portfolios/queries";
import { valuePortfolio, type PositionValuation } from "@/lib/portfolios/valuation";
import { idSchema } from "@/lib/validation/fields";
import { Badge } from "../../_components/badge";
import { CardSkeleton } from "../../_components/card-skeleton";
import { assetHref, formatPrice } from "../../_components/format";
import { ScrollRegion } from "../../_components/scroll-region";
import { SyntheticBadge } from "../../_components/synthetic-badge";
import { DeletePortfolio } from "../_components/delete-portfolio";
import { PortfolioRiskPanel } from "../_components/risk-panel";
import { SavedScenarios } from "../_components/saved-scenarios";
import { ScenariosSection } from "../_components/scenarios-section";
import { EXAMPLE_FORMS, formsFromSearchParams } from "@/lib/scenarios/page-params";

export const metadata: Metadata = { title: "Portfolio" };

const link = "text-tremor-brand hover:underline dark:text-dark-tremor-brand";
const addAssetHref = (symbol: string) => `/assets?q=${encodeURIComponent(symbol)}`;
const share = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(2)} %`);
const units = (x: number | null) => (x === null ? "—" : x.toLocaleString("en-US", { maximumFractionDigits: 4 }));

function ValueCell({ p, base }: { p: PositionValuation; base: string }) {
  if (p.status === "missing-fx") {
    return (
      <span className="text-amber-800 dark:text-amber-300">
        missing FX {p.missingFx.map((s, i) => <span key={s}>{i > 0 && ", "}<Link href={addAssetHref(s)} className="underline">{s}</Link></span>)}
        {p.value !== null && <span className="block text-xs">target {formatPrice(p.value)} {base}</span>}
      </span>
    );
  }
  if (p.status === "missing-price") return <span className="text-amber-800 dark:text-amber-300">no stored price</span>;
  return <>{formatPrice(p.value)}</>;
}

/** A portfolio's positions valued in its base currency, each with its data-as-of date, and its ex-ante risk. */
export default async function PortfolioPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const id = idSchema("Portfolio").safeParse((await params).id);
  const portfolio = id.success ? await findPortfolio(id.data) : null;
  if (!portfolio) notFound();
  const [v, history] = await Promise.all([valuePortfolio(portfolio), portfolioHistory(portfolio.id)]);
  const base = portfolio.baseCurrency;
  const weights = portfolio.kind === "weight";
  const cell = "px-3 py-2";
  const synthetic = portfolio.positions.some((p) => p.source === "DEMO");
  const asked = formsFromSearchParams(await searchParams);
  // The example opens with its demo scenarios; any other portfolio runs what its URL asks for.
  const forms = !asked.analogues && !asked.shocks && portfolio.isExample ? EXAMPLE_FORMS : asked;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">{portfolio.name}</h1>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            {portfolio.isExample && <Badge color="violet">example</Badge>}
            {synthetic && <SyntheticBadge />}
            <Text>
              Base currency {base}
              {weights && portfolio.notional !== null && <> · notional {formatPrice(portfolio.notional)} {base}</>} · version {portfolio.version}
              {portfolio.updatedBy && <> · last changed by {portfolio.updatedBy}</>}
            </Text>
          </div>
          {portfolio.description && <Text className="mt-2 max-w-3xl">{portfolio.description}</Text>}
        </div>
        <div className="flex flex-wrap items-start gap-3 text-sm">
          <a href={`/api/v1/portfolios/${portfolio.id}/valuation`} className={`${link} inline-block py-1.5`} download>Download valuation (CSV)</a>
          {hasRole(user.role, "ANALYST") && (
            <>
              <Link href={`/portfolios/${portfolio.id}/edit`} className={`${link} inline-block py-1.5`}>Edit</Link>
              <DeletePortfolio id={portfolio.id} version={portfolio.version} />
            </>
          )}
        </div>
      </div>

      {v.missingFx.length > 0 && (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" role="alert" data-testid="missing-fx">
          Some positions cannot be converted to {base}: no stored FX series {v.missingFx.join(", ")}. The total below leaves them out.{" "}
          {v.missingFx.map((s) => <Link key={s} href={addAssetHref(s)} className="mr-3 inline-block py-0.5 font-medium underline">Add {s}</Link>)}
        </div>
      )}

      <Card>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Positions</h2>
          <Text>
            Total <span className="font-semibold tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong" data-testid="portfolio-total">{formatPrice(v.total)} {base}</span>
            {!v.complete && " (valued positions only)"} · <span className="whitespace-nowrap">latest close {v.asOf ?? "—"}</span>
          </Text>
        </div>
        <div className="mt-3">
          <ScrollRegion label="Positions table">
            <table className="w-full text-tremor-default tabular-nums" data-testid="positions-table">
              <thead>
                <tr className="border-b border-tremor-border text-left dark:border-dark-tremor-border">
                  <th className={cell}>Asset</th>
                  <th className={`${cell} text-right`}>Value ({base})</th>
                  <th className={`${cell} text-right`}>Weight</th>
                  <th className={cell}>Data as of</th>
                  <th className={`${cell} text-right`}>{weights ? "Units (implied)" : "Quantity"}</th>
                  <th className={`${cell} text-right`}>Close</th>
                  <th className={`${cell} text-right`}>FX to {base}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-tremor-border dark:divide-dark-tremor-border">
                {v.positions.map((p) => (
                  <tr key={p.assetId} data-symbol={p.symbol}>
                    <td className={cell}>
                      <Link href={assetHref(p.symbol)} className={link}>{p.symbol}</Link>
                      <span className="block text-xs text-tremor-content dark:text-dark-tremor-content">{p.name}</span>
                    </td>
                    <td className={`${cell} text-right whitespace-nowrap`}><ValueCell p={p} base={base} /></td>
                    <td className={`${cell} text-right whitespace-nowrap`}>{weights ? <>{share(p.share)}<span className="block text-xs">target {share(p.weight)}</span></> : share(p.share)}</td>
                    <td className={`${cell} whitespace-nowrap`}>{p.priceDate ?? "—"}</td>
                    <td className={`${cell} text-right`}>{units(p.units ?? p.quantity)}</td>
                    <td className={`${cell} text-right whitespace-nowrap`}>{formatPrice(p.price)} <span className="text-xs">{p.currency}</span></td>
                    <td className={`${cell} text-right whitespace-nowrap`}>
                      {p.fxRate === null ? "—" : p.fxLegs.length === 0 ? (p.fxRate === 1 ? "1" : p.fxRate) : p.fxRate.toPrecision(6)}
                      {p.fxLegs.length > 0 && <span className="block text-xs">{p.fxLegs.map((l) => `${l.invert ? "÷" : "×"} ${l.symbol} ${l.date}`).join(", ")}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
        <Text className="mt-2 text-xs">
          Value = {weights ? "weight × notional; units = value ÷ (close × FX)" : "quantity × last stored close × FX"}. FX is the stored series&apos; last close on or before the position&apos;s own date
          (KRW=X is KRW per USD, EURUSD=X is USD per EUR). Weight = value ÷ total.
        </Text>
      </Card>

      <Suspense fallback={<CardSkeleton label="risk" height="h-40" />}>
        <PortfolioRiskPanel valuation={v} />
      </Suspense>

      <Suspense fallback={<CardSkeleton label="scenarios" height="h-96" />}>
        <ScenariosSection portfolio={portfolio} forms={forms} canSave={hasRole(user.role, "ANALYST")} />
      </Suspense>

      <Suspense fallback={<CardSkeleton label="saved scenarios" height="h-24" />}>
        <SavedScenarios portfolioId={portfolio.id} viewer={user} />
      </Suspense>

      <Card>
        <h2 className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">History</h2>
        {history.length === 0 ? (
          <Text className="mt-2">{portfolio.isExample ? "Seeded with the demo storyline; no change since." : "No recorded change."}</Text>
        ) : (
          <ul className="mt-2 space-y-1 text-tremor-default text-tremor-content dark:text-dark-tremor-content" data-testid="portfolio-history">
            {history.map((h, i) => (
              <li key={i}>
                <span className="tabular-nums">{h.at.toISOString().replace("T", " ").slice(0, 16)} UTC</span> · {h.actorName}{" "}
                {h.action === "CREATE" ? "created it" : h.action === "DELETE" ? "deleted it" : `changed ${h.changed.length ? h.changed.join(", ") : "nothing visible"}`}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
