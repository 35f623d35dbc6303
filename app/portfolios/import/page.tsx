import { Card, Text } from "@tremor/react";
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { PortfolioImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import a portfolio" };

export default async function ImportPortfolioPage() {
  await requireUser("ANALYST");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Import a portfolio</h1>
      <Card>
        <Text>
          A CSV with the header <code>symbol,quantity</code> (units held) or <code>symbol,weight</code> (fractions of the notional, summing to 1),
          then one asset per line. Check shows every row and what is wrong with it; nothing is written until you create the portfolio.
        </Text>
        <div className="mt-4"><PortfolioImportForm /></div>
      </Card>
    </div>
  );
}
