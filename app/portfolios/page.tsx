import { Card, Text } from "@tremor/react";
import Link from "next/link";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listPortfolios } from "@/lib/portfolios/queries";
import { Badge } from "../_components/badge";
import { formatPrice } from "../_components/format";
import { ScrollRegion } from "../_components/scroll-region";

export const metadata = { title: "Portfolios" };

/** Every live portfolio, with links to create one or import one from CSV. */
export default async function PortfoliosPage() {
  const user = await requireUser();
  const portfolios = await listPortfolios();
  const cell = "px-3 py-2";
  const link = "inline-block py-0.5 text-tremor-brand hover:underline dark:text-dark-tremor-brand";
  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Portfolios</h1>
        {hasRole(user.role, "ANALYST") && (
          <div className="flex gap-4 text-tremor-default">
            <Link href="/portfolios/new" className={link}>New portfolio</Link>
            <Link href="/portfolios/import" className={link}>Import from CSV</Link>
          </div>
        )}
      </div>
      {portfolios.length === 0 ? (
        <Text className="mt-4">No portfolios yet. Create one, or import its positions from a CSV file.</Text>
      ) : (
        <div className="mt-4">
          <ScrollRegion label="Portfolios table">
            <table className="w-full text-tremor-default">
              <thead>
                <tr className="border-b border-tremor-border text-left dark:border-dark-tremor-border">
                  <th className={cell}>Portfolio</th>
                  <th className={cell}>Base</th>
                  <th className={`${cell} text-right`}>Positions</th>
                  <th className={`${cell} text-right`}>Notional</th>
                  <th className={cell}>Updated</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-tremor-border dark:divide-dark-tremor-border">
                {portfolios.map((p) => (
                  <tr key={p.id}>
                    <td className={cell}>
                      <Link href={`/portfolios/${p.id}`} className={link}>{p.name}</Link>
                      {p.isExample && <Badge color="violet" className="ml-2">example</Badge>}
                    </td>
                    <td className={cell}>{p.baseCurrency}</td>
                    <td className={`${cell} text-right tabular-nums`}>{p.positions}</td>
                    <td className={`${cell} text-right tabular-nums`}>{p.notional === null ? "—" : formatPrice(p.notional)}</td>
                    <td className={`${cell} whitespace-nowrap tabular-nums`}>{p.updatedAt.toISOString().slice(0, 10)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}
    </Card>
  );
}
