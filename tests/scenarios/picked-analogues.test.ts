// Analogue events picked one by one: the picks are the analogues exactly (the same numbers a filter gives for the same
// events), an unknown or deleted pick or too many picks is a 422 on analogues.eventIds, picks and filters together are
// refused, and the picks survive the trip through the page's URL, a save and its re-run link.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as analoguesRoute } from "@/app/api/v1/scenarios/analogues/route";
import { db } from "@/lib/db/client";
import { deleteEvent } from "@/lib/events/commands";
import { createPortfolio } from "@/lib/portfolios/commands";
import { formsFromSearchParams, saveParametersFromQuery, searchParamsOf } from "@/lib/scenarios/page-params";
import { pickerLists } from "@/lib/scenarios/picker";
import { saveScenario } from "@/lib/scenarios/saved";
import { createSignedInUser, requestAs, type TestUser } from "../helpers/request-context";
import { buildScenarioMarket, DATES, type ScenarioMarket } from "./fixtures";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

const noParams = { params: Promise.resolve({}) } as never;
const book = { baseCurrency: "USD", positions: [{ symbol: "KS", quantity: 10 }, { symbol: "USEQ", quantity: 5 }] };
let m: ScenarioMarket;
let ana: TestUser;
let vic: TestUser;
let deletedEvent: number;
let offFilter: number;

type Body = { parameters: { pickedIds: number[] | null; analogueIds: number[] }; analogues: { eventId: number; pnl: number; return: number }[]; excluded: { eventId: number }[] };
type ErrorBody = { error: { fieldErrors: Record<string, string[]> } };

async function run(analogues: unknown, who: TestUser = vic) {
  return analoguesRoute(requestAs(who, "/api/v1/scenarios/analogues", { method: "POST", body: { book, analogues, asOf: DATES.at(-1) } }), noParams);
}

beforeAll(async () => {
  m = await buildScenarioMarket();
  ana = await createSignedInUser("ANALYST", "Ana");
  vic = await createSignedInUser("VIEWER", "Vic");
  const ev = (title: string, day: number, countries: string[]) =>
    db().event.create({ data: { title, occurredAt: new Date(`${DATES[day]}T00:00:00Z`), timePrecision: "DAY", category: "MILITARY", severity: 2, countries, sourceUrls: [], tags: [] }, select: { id: true, version: true } });
  const gone = await ev("Retracted report", 220, ["KP"]);
  await deleteEvent(ana.principal, { id: gone.id, version: gone.version });
  deletedEvent = gone.id;
  // Outside the KP severity ≥ 4 filter: only a pick brings it in.
  offFilter = (await ev("Border incident", 240, ["CN"])).id;
});

describe("POST /api/v1/scenarios/analogues with eventIds", () => {
  it("uses exactly the picked events, with the same numbers a filter gives for them, and records the picks", async () => {
    const byFilter = (await (await run({ countries: ["KP"], severityMin: 4, to: DATES[360] })).json()) as Body;
    expect(byFilter.parameters.pickedIds).toBeNull();
    const res = await run({ eventIds: [m.events.e3, m.events.e1, m.events.e3] });
    expect(res.status, await res.clone().text()).toBe(200);
    const picked = (await res.json()) as Body;
    // A repeated pick counts once; rows come oldest first.
    expect(picked.parameters.pickedIds).toEqual([m.events.e3, m.events.e1]);
    expect(picked.analogues.map((a) => a.eventId)).toEqual([m.events.e1, m.events.e3]);
    for (const a of picked.analogues) {
      const same = byFilter.analogues.find((b) => b.eventId === a.eventId)!;
      expect(a.pnl).toBeCloseTo(same.pnl, 9);
    }
    // A pick outside every filter is used too: the picks are not narrowed.
    const wider = (await (await run({ eventIds: [m.events.e1, offFilter] })).json()) as Body;
    expect([...wider.analogues.map((a) => a.eventId), ...wider.excluded.map((e) => e.eventId)].sort((a, b) => a - b)).toEqual([m.events.e1, offFilter].sort((a, b) => a - b));
  });

  it("answers 422 on analogues.eventIds for an unknown id, naming it", async () => {
    const res = await run({ eventIds: [m.events.e1, 987654] });
    expect(res.status).toBe(422);
    const fields = ((await res.json()) as ErrorBody).error.fieldErrors;
    expect(Object.keys(fields)).toEqual(["analogues.eventIds"]);
    expect(fields["analogues.eventIds"]!.join(" ")).toContain("987654");
  });

  it("answers 422 on analogues.eventIds for a deleted event, saying it is deleted — even when it is the only pick", async () => {
    for (const ids of [[m.events.e2, deletedEvent], [deletedEvent]]) {
      const res = await run({ eventIds: ids });
      expect(res.status).toBe(422);
      const messages = ((await res.json()) as ErrorBody).error.fieldErrors["analogues.eventIds"]!;
      expect(messages.join(" ")).toMatch(new RegExp(`${deletedEvent}\\b.*deleted`));
    }
  });

  it("refuses more than 200 picks, a malformed id, and picks mixed with filters, each on analogues.eventIds", async () => {
    const many = Array.from({ length: 201 }, (_, i) => i + 1);
    for (const analogues of [{ eventIds: many }, { eventIds: [m.events.e1, "x"] }, { eventIds: [m.events.e1], countries: ["KP"] }]) {
      const res = await run(analogues);
      expect(res.status).toBe(422);
      const fields = ((await res.json()) as ErrorBody).error.fieldErrors;
      expect(Object.keys(fields).every((k) => k.startsWith("analogues.eventIds")), JSON.stringify(fields)).toBe(true);
    }
  });
});

describe("picks on the portfolio page", () => {
  it("travel in the URL into the request, a save and its re-run link, and the picker lists them with the filter's matches", async () => {
    // The URL keeps the filters the picks started from, but only the picks are the selection.
    const forms = formsFromSearchParams({ countries: "KP", severity: "4", to: DATES[360], events: `${m.events.e1},${offFilter}`, horizon: "0,5" });
    const query = searchParamsOf(forms);
    const parameters = saveParametersFromQuery("analogues", query);
    expect(parameters).toEqual({ analogues: { eventIds: [m.events.e1, offFilter] }, horizon: [0, 5] });
    const portfolioId = (await createPortfolio(ana.principal, { name: "Picked book", baseCurrency: "USD", positions: book.positions })).id;
    const saved = await saveScenario(ana.principal, portfolioId, { kind: "analogues", name: "Two picks", parameters });
    expect(saved.parameters).toMatchObject({ analogues: { eventIds: [m.events.e1, offFilter] } });
    if (saved.results.kind !== "analogues") throw new Error("expected analogues");
    expect(saved.results.parameters.pickedIds).toEqual([m.events.e1, offFilter]);
    const rerun = new URL(saved.rerunHref, "http://x").searchParams;
    expect(rerun.get("events")).toBe(`${m.events.e1},${offFilter}`);

    const lists = await pickerLists(forms.analogues!);
    expect(lists.picked.map((e) => e.id)).toEqual([m.events.e1, offFilter]);
    expect(lists.picked[1]).toEqual({ id: offFilter, title: "Border incident", date: DATES[240], category: "MILITARY" });
    expect(lists.matches!.map((e) => e.id)).toEqual([m.events.e1, m.events.e2, m.events.e3]);
    // No filter: nothing to list but the picks; a deleted pick is not listed.
    const bare = await pickerLists(formsFromSearchParams({ events: `${m.events.e2},${deletedEvent}` }).analogues!);
    expect(bare).toEqual({ picked: [expect.objectContaining({ id: m.events.e2 })], matches: null, moreMatches: false });
  });
});
