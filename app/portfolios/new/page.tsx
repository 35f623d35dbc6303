import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { PortfolioForm } from "../_components/portfolio-form";

export const metadata: Metadata = { title: "New portfolio" };

export default async function NewPortfolioPage() {
  await requireUser("ANALYST");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">New portfolio</h1>
      <PortfolioForm initial={{ name: "", description: "", baseCurrency: "USD", notional: "", positions: "symbol,quantity\n" }} />
    </div>
  );
}
