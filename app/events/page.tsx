import { Card, Text } from "@tremor/react";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { eventQuerySchema, searchEvents } from "@/lib/events/search";
import { fieldErrorsOf } from "@/lib/errors";
import { themeOptions } from "@/lib/themes/queries";
import { EventFilterForm, eventFilterValues } from "../_components/event-filter-form";
import { CATEGORY_LABEL } from "../_components/format";
import { ScrollRegion } from "../_components/scroll-region";

export const metadata = { title: "Events" };

const PAGE_SIZE = 50;

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The event log: search, filters and pages, all in the query string. */
export default async function EventsPage({ searchParams }: Props) {
  await requireUser();
  const params = await searchParams;
  const values = eventFilterValues(params);
  const pageParam = Array.isArray(params.page) ? params.page[0] : params.page;
  const parsed = eventQuerySchema.safeParse({ ...values, page: pageParam ?? 1, pageSize: PAGE_SIZE });
  const [themes, page] = await Promise.all([themeOptions(), parsed.success ? searchEvents(parsed.data) : Promise.resolve(null)]);
  const errors = parsed.success ? null : fieldErrorsOf(parsed.error);
  const pages = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  const hrefFor = (n: number) => `/events?${new URLSearchParams({ ...values, page: String(n) }).toString()}`;
  const cell = "px-3 py-2";
  return (
    <Card>
      <h1 className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Events</h1>
      <EventFilterForm values={values} themes={themes} clearHref="/events" withSearch />
      {errors && (
        <div role="alert"><ul className="mt-3 text-tremor-default text-red-700 dark:text-red-300">
          {Object.entries(errors).map(([k, m]) => (
            <li key={k}>{k}: {m.join(" ")}</li>
          ))}
        </ul></div>
      )}
      {page && page.total === 0 && (
        <Text className="mt-4">
          {Object.keys(values).length ? "No event matches. Clear the filters, or log a new event." : "No events logged yet. Log the first one, or import a list."}
        </Text>
      )}
      {page && page.total > 0 && (
        <>
          <div className="mt-4">
            <ScrollRegion label="Events table">
            <table className="w-full text-tremor-default">
              <thead>
                <tr className="border-b border-tremor-border text-left dark:border-dark-tremor-border">
                  <th className={cell}>Date</th>
                  <th className={cell}>Event</th>
                  <th className={cell}>Category</th>
                  <th className={`${cell} text-right`}>Severity</th>
                  <th className={cell}>Countries</th>
                  <th className={`${cell} text-right`}>Assets</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-tremor-border dark:divide-dark-tremor-border">
                {page.data.map((e) => (
                  <tr key={e.id}>
                    <td className={`${cell} whitespace-nowrap tabular-nums`}>{e.occurredAt.slice(0, 10)}</td>
                    <td className={cell}>
                      <Link href={`/events/${e.id}`} className="inline-block py-0.5 text-tremor-brand hover:underline dark:text-dark-tremor-brand">{e.title}</Link>
                      {e.theme && <div className="text-tremor-label">{e.theme.name}</div>}
                    </td>
                    <td className={cell}>{CATEGORY_LABEL[e.category]}</td>
                    <td className={`${cell} text-right`}>{e.severity}</td>
                    <td className={`${cell} whitespace-nowrap`}>{e.countries.join(" ")}</td>
                    <td className={`${cell} text-right`}>{e.exposures.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </ScrollRegion>
          </div>
          <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-tremor-default">
            <span>{page.total} event{page.total === 1 ? "" : "s"} · page {page.page} of {pages}</span>
            {page.page > 1 && <Link href={hrefFor(page.page - 1)} className="inline-block py-1 text-tremor-brand hover:underline dark:text-dark-tremor-brand">← Newer</Link>}
            {page.page < pages && <Link href={hrefFor(page.page + 1)} className="inline-block py-1 text-tremor-brand hover:underline dark:text-dark-tremor-brand">Older →</Link>}
          </nav>
        </>
      )}
    </Card>
  );
}
