import { Card, Text, Title } from "@tremor/react";
import { listAssetOverview } from "@/lib/assets/queries";
import { BenchmarkForm } from "../../_components/asset-forms";
import { assetHref } from "../../../_components/format";

/**
 * The asset's benchmark next to the event-study model it implies: the market model against the benchmark, or, with
 * none, the constant-mean model (a choice the page states rather than a silent fallback).
 */
export async function BenchmarkCard({ symbol, benchmark, canWrite }: { symbol: string; benchmark: { symbol: string; name: string } | null; canWrite: boolean }) {
  const others = canWrite ? (await listAssetOverview()).map((a) => a.symbol).filter((s) => s !== symbol) : [];
  return (
    <Card>
      <Title>Benchmark and study model</Title>
      <div className="mt-2" data-testid="benchmark-model">
        {benchmark ? (
          <Text>
            Benchmark <a href={assetHref(benchmark.symbol)} className="font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand">{benchmark.symbol}</a> ({benchmark.name}):
            event studies use the <strong>market model</strong>, R = α + β·R<sub>{benchmark.symbol}</sub> + ε, fitted over the estimation window.
          </Text>
        ) : (
          <Text>
            No benchmark: event studies use the <strong>constant-mean model</strong>, where the abnormal return is the return minus its mean over the
            estimation window. Choose a benchmark to use the market model instead.
          </Text>
        )}
        <Text className="mt-1 text-tremor-label">An event or theme page can study every asset against one benchmark for a while (benchmark= in its link).</Text>
      </div>
      {canWrite && (
        <div className="mt-3">
          <BenchmarkForm symbol={symbol} current={benchmark?.symbol ?? ""} options={others} />
        </div>
      )}
    </Card>
  );
}
