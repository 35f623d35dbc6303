import { Badge, Card, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text, TextInput, Title } from "@tremor/react";
import Link from "next/link";
import { searchSymbols } from "@/lib/assets/manage-assets";
import { configuredProvider } from "@/lib/runtime/providers";
import { listAssetOverview } from "@/lib/assets/queries";
import { requireUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { toErrorBody } from "@/lib/http/errors";
import { assetHref } from "../_components/format";
import { AddAssetButton } from "./_components/asset-forms";

export const metadata = { title: "Assets" };

interface Props {
  searchParams: Promise<{ q?: string }>;
}

async function SearchResults({ q, tracked, canAdd }: { q: string; tracked: Set<string>; canAdd: boolean }) {
  let candidates;
  try {
    candidates = await searchSymbols(q, configuredProvider());
  } catch (err) {
    const body = toErrorBody(err).error;
    return <Text className="mt-3 text-red-600">{body.fieldErrors?.q?.join(" ") ?? body.message}</Text>;
  }
  if (candidates.length === 0) return <Text className="mt-3">No symbol matches “{q}”. Try the company name or the Yahoo symbol.</Text>;
  return (
    <Table className="mt-3">
      <TableHead>
        <TableRow>
          <TableHeaderCell>Symbol</TableHeaderCell>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Exchange</TableHeaderCell>
          <TableHeaderCell>Class</TableHeaderCell>
          <TableHeaderCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {candidates.map((c) => (
          <TableRow key={c.symbol}>
            <TableCell className="font-medium">{c.symbol}</TableCell>
            <TableCell className="whitespace-normal">{c.name}</TableCell>
            <TableCell>{c.exchange}</TableCell>
            <TableCell>{c.assetClass.replace("_", " ").toLowerCase()}</TableCell>
            <TableCell>
              {tracked.has(c.symbol) ? (
                <Link href={assetHref(c.symbol)} className="text-tremor-brand hover:underline">tracked</Link>
              ) : canAdd ? (
                <AddAssetButton symbol={c.symbol} benchmarks={[...tracked].sort()} />
              ) : (
                <Text>Analysts can add it</Text>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export default async function AssetsPage({ searchParams }: Props) {
  const user = await requireUser();
  const q = (await searchParams).q?.trim() ?? "";
  const assets = await listAssetOverview();
  const tracked = new Set(assets.map((a) => a.symbol));
  return (
    <div className="space-y-6">
      <Card>
        <Title>Tracked assets</Title>
        <Table className="mt-4">
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
                  <Link href={assetHref(a.symbol)} className="font-medium text-tremor-brand hover:underline">{a.symbol}</Link>
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
        </Table>
      </Card>
      <Card>
        <Title>Add an asset</Title>
        <Text>Search Yahoo Finance symbols; you see the name, exchange and class before adding. Ten years of history are fetched in the background.</Text>
        <form className="mt-3 flex max-w-lg gap-2" role="search">
          <TextInput name="q" defaultValue={q} placeholder="e.g. Hyundai, EWJ, ^N225, JPY=X" aria-label="Search symbols" />
          <button type="submit" className="rounded-tremor-default bg-tremor-brand px-3 py-1 text-white">Search</button>
        </form>
        {q && <SearchResults q={q} tracked={tracked} canAdd={hasRole(user.role, "ANALYST")} />}
      </Card>
    </div>
  );
}
