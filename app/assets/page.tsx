import { Card, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text, Title } from "@tremor/react";
import { DataTable } from "../_components/data-table";
import { Badge } from "../_components/badge";
import Link from "next/link";
import { listAssetOverview } from "@/lib/assets/queries";
import { requireUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { assetHref } from "../_components/format";
import { SymbolSearch } from "./_components/symbol-search";

export const metadata = { title: "Assets" };

interface Props {
  searchParams: Promise<{ q?: string }>;
}

export default async function AssetsPage({ searchParams }: Props) {
  const user = await requireUser();
  const q = (await searchParams).q?.trim() ?? "";
  const assets = await listAssetOverview();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Assets</h1>
      <Card>
        <Title>Tracked assets</Title>
        <DataTable label="Tracked assets" className="mt-4">
          <TableHead>
            <TableRow>
              <TableHeaderCell>Asset</TableHeaderCell>
              <TableHeaderCell>Source</TableHeaderCell>
              <TableHeaderCell className="text-right">Bars</TableHeaderCell>
              <TableHeaderCell className="text-right">Data as of</TableHeaderCell>
              <TableHeaderCell>Last refresh problem</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {assets.map((a) => (
              <TableRow key={a.id}>
                <TableCell>
                  <Link href={assetHref(a.symbol)} className="font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand">{a.symbol}</Link>
                  <div className="text-tremor-label">{a.name}</div>
                </TableCell>
                <TableCell>
                  <Badge size="xs" color={a.source === "DEMO" ? "amber" : a.source === "CSV" ? "violet" : "blue"}>
                    {a.source === "DEMO" ? "synthetic demo data" : a.source === "CSV" ? "CSV import" : "Yahoo Finance"}
                  </Badge>
                </TableCell>
                <TableCell className="text-right tabular-nums">{a.bars}</TableCell>
                <TableCell className="text-right tabular-nums">{a.lastDate ?? "no prices yet"}</TableCell>
                <TableCell className="whitespace-normal text-tremor-label">{a.refreshError ?? "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </DataTable>
      </Card>
      <Card>
        <Title>Add an asset</Title>
        <Text>Search Yahoo Finance symbols; you see the name, exchange and class before adding. Ten years of history are fetched in the background.</Text>
        <SymbolSearch initialQuery={q} tracked={assets.map((a) => a.symbol)} canAdd={hasRole(user.role, "ANALYST")} />
      </Card>
    </div>
  );
}
