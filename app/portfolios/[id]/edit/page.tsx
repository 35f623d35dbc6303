import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { findPortfolio } from "@/lib/portfolios/queries";
import { idSchema } from "@/lib/validation/fields";
import { PortfolioForm } from "../../_components/portfolio-form";

export const metadata: Metadata = { title: "Edit portfolio" };

export default async function EditPortfolioPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("ANALYST");
  const id = idSchema("Portfolio").safeParse((await params).id);
  const p = id.success ? await findPortfolio(id.data) : null;
  if (!p) notFound();
  const positions = [`symbol,${p.kind}`, ...p.positions.map((x) => `${x.symbol},${p.kind === "weight" ? x.weight : x.quantity}`)].join("\n");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Edit {p.name}</h1>
      <PortfolioForm initial={{ id: p.id, version: p.version, name: p.name, description: p.description, baseCurrency: p.baseCurrency, notional: p.notional === null ? "" : String(p.notional), positions }} />
    </div>
  );
}
