// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas that validate requests.
import { z } from "zod";
import { annotationEditSchema, annotationInputSchema } from "@/lib/annotations/schemas";
import { annotationQuerySchema } from "@/lib/annotations/search";
import { priceQuerySchema } from "@/lib/prices/api-bars";
import { addAssetSchema, assetUpdateSchema, priceImportQuerySchema, refreshQuerySchema, searchQuerySchema } from "@/lib/assets/schemas";
import { eventInputSchema, eventUpdateFields, eventUpdateSchema, exposureBodySchema, exposureChangeSchema } from "@/lib/events/schemas";
import { eventQuerySchema } from "@/lib/events/search";
import { riskQuerySchema, studyParamsSchema, themeStudyQuerySchema } from "@/lib/studies/study-params";
import { themeInputSchema, themeMergeSchema } from "@/lib/themes/schemas";
import { portfolioInputSchema, portfolioUpdateFields } from "@/lib/portfolios/schemas";
import { analogueScenarioSchema, saveScenarioSchema, shockScenarioSchema } from "@/lib/scenarios";
import { dismissMoveFields, linkMoveSchema, moveFilterSchema } from "@/lib/triage/schemas";
import { inboxQuerySchema, markReadSchema } from "@/lib/notifications/schemas";

type JsonSchema = Record<string, unknown>;

function schemaOf(s: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as JsonSchema;
  delete out.$schema;
  return out;
}

function queryParams(s: z.ZodType) {
  const props = (schemaOf(s).properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(props).map(([name, schema]) => ({ name, in: "query", required: false, schema }));
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const ERRORS = {
  "400": errorResponse("Malformed request (e.g. the body is not JSON)"),
  "401": errorResponse("No session and no valid API token"),
  "403": errorResponse("Role or token scope too low"),
  "404": errorResponse("No such item"),
  "409": errorResponse("Stale version: names who changed the item and when"),
  "422": errorResponse("Validation failed: messages per field"),
  "500": errorResponse("Unexpected error (details are logged, not returned)"),
};

const json = (schema: JsonSchema, description = "OK") => ({ description, content: { "application/json": { schema } } });
const body = (s: z.ZodType) => ({ required: true, content: { "application/json": { schema: schemaOf(s) } } });
const idParam = { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
const symbolParam = { name: "symbol", in: "path", required: true, schema: { type: "string" } };
const versionParam = { name: "version", in: "query", required: true, schema: { type: "integer" } };
const page = { type: "object", properties: { data: { type: "array", items: {} }, page: { type: "integer" }, pageSize: { type: "integer" }, total: { type: "integer" } } };
const pageOf = (ref: string) => ({ ...page, properties: { ...page.properties, data: { type: "array", items: { $ref: `#/components/schemas/${ref}` } } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: JsonSchema = {}) => ({ type: [type, "null"], ...extra });

/** A triage item as the API answers it (lib/triage/api.ts). */
const MOVE_ITEM: JsonSchema = {
  type: "object",
  properties: {
    id: { type: "integer" },
    session: { type: "string", format: "date" },
    status: { enum: ["OPEN", "LINKED", "DISMISSED", "RESOLVED"] },
    kind: { enum: ["EXPLAIN", "CHECK_DATA"], description: "CHECK_DATA: a quality flag marks the session's prices" },
    maxAbsZ: { type: "number" },
    dismissal: { oneOf: [{ type: "null" }, { type: "object", properties: { reason: { enum: ["HOLIDAY_EFFECT", "DATA_ERROR", "INDEX_REBALANCE", "OTHER"] }, note: nullable("string") } }] },
    eventId: nullable("integer", { description: "The event the item is linked to or was resolved by" }),
    decidedBy: nullable("string"),
    decidedAt: nullable("string", { format: "date-time" }),
    moves: {
      type: "array",
      description: "Largest |z| first",
      items: {
        type: "object",
        properties: {
          assetId: { type: "integer" }, symbol: { type: "string" }, name: { type: "string" }, ret: { type: "number" }, abnormalReturn: { type: "number" },
          z: { type: "number" }, zEwma: { type: "number" }, suspect: { type: "boolean" },
        },
      },
    },
  },
};

/** A notification of the caller's inbox (lib/notifications/inbox.ts). */
const NOTIFICATION: JsonSchema = {
  type: "object",
  properties: {
    id: { type: "integer" }, type: { type: "string" }, title: { type: "string" }, text: { type: "string" },
    url: { type: "string", description: "A path inside the app or an absolute URL" },
    createdAt: { type: "string", format: "date-time" }, readAt: nullable("string", { format: "date-time" }),
  },
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Faultline API",
      version: "1",
      description:
        "Geopolitical events, exposed assets, prices and notes. Authenticate with the session cookie or `Authorization: Bearer <token>` " +
        "(tokens are issued by an admin; READ tokens may only read, READ_WRITE tokens may also write as an analyst).",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        session: { type: "apiKey", in: "cookie", name: "faultline.session_token" },
      },
      schemas: {
        Error: {
          type: "object",
          properties: {
            error: {
              type: "object",
              required: ["status", "code", "message"],
              properties: {
                status: { type: "integer" }, code: { type: "string" }, message: { type: "string" },
                fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
                changedBy: { type: ["string", "null"] }, changedAt: { type: ["string", "null"], format: "date-time" }, currentVersion: { type: ["integer", "null"] },
              },
            },
          },
        },
        EventInput: schemaOf(eventInputSchema),
        EventUpdate: schemaOf(eventUpdateSchema),
        ThemeInput: schemaOf(themeInputSchema),
        ThemeMerge: schemaOf(themeMergeSchema),
        AnnotationInput: schemaOf(annotationInputSchema),
        AnnotationEdit: schemaOf(annotationEditSchema.omit({ id: true })),
        ExposureInput: schemaOf(exposureBodySchema),
        ExposureChange: schemaOf(exposureChangeSchema),
        AssetInput: schemaOf(addAssetSchema),
        AssetUpdate: schemaOf(assetUpdateSchema),
        PortfolioInput: schemaOf(portfolioInputSchema),
        AnalogueScenario: schemaOf(analogueScenarioSchema),
        ShockScenario: schemaOf(shockScenarioSchema),
        MoveItem: MOVE_ITEM,
        Notification: NOTIFICATION,
      },
    },
    paths: {
      "/events": {
        get: { summary: "List events", parameters: queryParams(eventQuerySchema), responses: { "200": json(page), ...ERRORS } },
        post: { summary: "Create an event (analyst)", requestBody: body(eventInputSchema), responses: { "201": json({}, "Created"), ...ERRORS } },
      },
      "/events/{id}": {
        get: { summary: "One event with its exposures", parameters: [idParam], responses: { "200": json({}), ...ERRORS } },
        patch: { summary: "Change an event (analyst); send the version you read", parameters: [idParam], requestBody: body(eventUpdateFields.partial().required({ version: true })), responses: { "200": json({}), ...ERRORS } },
        delete: { summary: "Soft-delete an event (analyst)", parameters: [idParam, versionParam], responses: { "204": { description: "Deleted" }, ...ERRORS } },
      },
      "/events/{id}/study": {
        get: {
          summary: "Event study of one event on each exposed asset, and the aggregate; undefined statistics are null",
          parameters: [idParam, ...queryParams(studyParamsSchema)],
          responses: { "200": json({}), ...ERRORS },
        },
      },
      "/events/import": {
        post: {
          summary: "Import events from CSV (date,title,category,countries,source_url[,severity,summary,tags]) or a JSON array (analyst)",
          requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } }, "application/json": { schema: { type: "array", items: schemaOf(eventInputSchema) } } } },
          responses: { "200": json({}, "Imported (duplicates listed, not doubled)"), ...ERRORS },
        },
      },
      "/themes": {
        get: { summary: "List themes", responses: { "200": json({}), ...ERRORS } },
        post: { summary: "Create a theme (analyst)", requestBody: body(themeInputSchema), responses: { "201": json({}, "Created"), ...ERRORS } },
      },
      "/themes/{id}": {
        patch: { summary: "Rename or redescribe a theme (analyst); fields left out keep their value", parameters: [idParam], requestBody: body(themeInputSchema.partial()), responses: { "200": json({}), ...ERRORS } },
        delete: {
          summary: "Delete a theme no live event uses (analyst); soft-deleted events that name it are detached",
          parameters: [idParam],
          responses: { "204": { description: "Deleted" }, ...ERRORS, "409": errorResponse("Live events still use the theme: merge it into another instead") },
        },
      },
      "/themes/merge": {
        post: { summary: "Move every event of the source theme to the target and remove the source (analyst)", requestBody: body(themeMergeSchema), responses: { "200": json({}, "Merged: the target and how many events moved"), ...ERRORS } },
      },
      "/events/{id}/exposures": {
        get: { summary: "Assets linked to an event, with each hypothesis, who stated it and whether before or after the event", parameters: [idParam], responses: { "200": json({}), ...ERRORS } },
        post: {
          summary: "Link an asset with the expected direction, or restate the hypothesis of a linked one (analyst)",
          parameters: [idParam],
          requestBody: body(exposureBodySchema),
          responses: { "201": json({}, "Linked"), "200": json({}, "Hypothesis restated"), ...ERRORS },
        },
      },
      "/events/{id}/exposures/{symbol}": {
        patch: { summary: "Restate the hypothesis on a linked asset (analyst)", parameters: [idParam, symbolParam], requestBody: body(exposureChangeSchema), responses: { "200": json({}), ...ERRORS } },
        delete: { summary: "Unlink an asset from the event (analyst)", parameters: [idParam, symbolParam], responses: { "204": { description: "Unlinked" }, ...ERRORS } },
      },
      "/assets": {
        get: { summary: "List assets with their last close", responses: { "200": json({}), ...ERRORS } },
        post: {
          summary:
            "Track a new asset by its provider symbol, with an optional benchmark (analyst); its history is fetched by a background job. " +
            "With a profile in the body (name, assetClass, currency and timeZone together; exchange and country optional) the provider is not asked " +
            "and the asset's prices come from CSV imports (source CSV); a partial profile is refused with 422 naming the missing fields",
          requestBody: body(addAssetSchema),
          responses: { "201": json({}, "Added"), ...ERRORS },
        },
      },
      "/symbol-search": {
        get: {
          summary: "Symbols the market-data provider knows for a name or symbol, with exchange and class (answers within 4 s)",
          parameters: [{ name: "q", in: "query", required: true, schema: schemaOf(searchQuerySchema) }],
          responses: { "200": json({}), ...ERRORS, "503": errorResponse("The provider failed, was too slow or changed its format: add the symbol by hand or import a CSV") },
        },
      },
      "/assets/{symbol}": {
        get: { summary: "One asset with its benchmark and the event-study model it implies", parameters: [symbolParam], responses: { "200": json({}), ...ERRORS } },
        patch: {
          summary: "Change an asset's benchmark (null: none, constant-mean model), name or class (analyst); fields left out keep their value",
          parameters: [symbolParam],
          requestBody: body(assetUpdateSchema),
          responses: { "200": json({}), ...ERRORS },
        },
        delete: { summary: "Soft-delete an asset: it leaves lists and refreshes, its bars and history stay (analyst)", parameters: [symbolParam], responses: { "204": { description: "Deleted" }, ...ERRORS } },
      },
      "/assets/{symbol}/prices": {
        get: {
          summary: "Daily bars of an asset",
          parameters: [symbolParam, ...queryParams(priceQuerySchema)],
          responses: { "200": json({}), ...ERRORS },
        },
        post: {
          summary:
            "Import a price CSV (analyst): merge adds and updates bars, replace makes the file the whole series; dryRun=true returns the change set " +
            "(added / changed / removed counts and the first rows of each) without writing. A file with problems is refused whole with 422 naming line, column and fix.",
          parameters: [symbolParam, ...queryParams(priceImportQuerySchema)],
          requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } } } },
          responses: { "200": json({}, "Dry run: the change set, nothing written"), "201": json({}, "Imported (audited with the file's SHA-256)"), ...ERRORS, "413": errorResponse("The file is over 20 MB") },
        },
      },
      "/assets/{symbol}/refresh": {
        post: {
          summary: "Queue a refresh from the provider (analyst); switchToProvider=true moves a CSV asset back to the provider with one full-backfill job",
          parameters: [symbolParam, ...queryParams(refreshQuerySchema)],
          responses: { "202": json({}, "Queued: the job and its state"), ...ERRORS },
        },
      },
      "/themes/{id}/study": {
        get: {
          summary: "CAAR per asset and the hit rate of hypotheses (per asset and overall) across the theme's events, as on the theme page; undefined statistics are null",
          parameters: [idParam, ...queryParams(themeStudyQuerySchema)],
          responses: { "200": json({}), ...ERRORS },
        },
      },
      "/assets/{symbol}/risk": {
        get: {
          summary: "Risk panel of an asset: volatility, EWMA, z-score, VaR/ES, drawdown, beta; undefined statistics are null",
          parameters: [symbolParam, ...queryParams(riskQuerySchema)],
          responses: { "200": json({}), ...ERRORS },
        },
      },
      "/portfolios": {
        get: { summary: "List portfolios with their base currency and number of positions", responses: { "200": json({}), ...ERRORS } },
        post: {
          summary:
            "Create a portfolio (analyst): a unique name, a 3-letter base currency and positions, all quantities or all weights of a notional. " +
            "Refused with 422 naming the field: no positions, an unknown symbol, a quantity or notional ≤ 0, an asset listed twice, weights not summing to 1 (±1e-6), quantities mixed with weights",
          requestBody: body(portfolioInputSchema),
          responses: { "201": json({}, "Created"), ...ERRORS },
        },
      },
      "/portfolios/{id}": {
        get: {
          summary:
            "One portfolio with its valuation in the base currency (last stored close × quantity × FX; missing prices and FX series named, never skipped) " +
            "and its ex-ante 1- and 10-session VaR/ES (historical and EWMA λ = 0.94); undefined figures are null",
          parameters: [idParam],
          responses: { "200": json({}), ...ERRORS },
        },
        patch: {
          summary: "Change a portfolio (analyst); fields left out keep their value, positions sent replace all positions; send the version you read",
          parameters: [idParam],
          requestBody: body(portfolioUpdateFields.partial().required({ version: true })),
          responses: { "200": json({}), ...ERRORS },
        },
        delete: { summary: "Soft-delete a portfolio (analyst)", parameters: [idParam, versionParam], responses: { "204": { description: "Deleted" }, ...ERRORS } },
      },
      "/portfolios/{id}/valuation": {
        get: {
          summary: "The valuation as CSV: one row per position with close, data-as-of date, FX rate and series, value, share and status; text cells neutralised against formulas",
          parameters: [idParam, { name: "bom", in: "query", required: false, schema: { type: "boolean" } }],
          responses: { "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, ...ERRORS },
        },
      },
      "/scenarios/analogues": {
        post: {
          summary:
            "Scenario 1 on a book (positions as quantities, or weights of a notional, valued in the base currency through stored FX series): " +
            "the book's P&L over the horizon after each analogue event (picked one by one as eventIds — at most 200, each existing and not deleted, never with filters — or by filter), top contributors, proxied positions, " +
            "mean/median/worst/best, 10 % quantile, ES of the worst 20 %, seeded bootstrap intervals, the unconditional same-horizon ES, the " +
            "tail ratio and a placebo p-value; fewer than 3 analogues still computes with a warning. Nothing is written (viewer)",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/AnalogueScenario" } } } },
          responses: { "200": json({}), ...ERRORS },
        },
      },
      "/scenarios/shocks": {
        post: {
          summary:
            "Scenario 2 on a book: shocks on a few tracked assets propagated to every position, E[r_o | r_s] = Σ_os Σ_ss⁻¹ r_s over an EWMA " +
            "(λ = 0.94) or sample covariance, with conditional standard deviations per position and for the book. An ill-conditioned Σ_ss or " +
            "a shocked asset with too little history is a 422 naming the shock. Nothing is written (viewer)",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ShockScenario" } } } },
          responses: { "200": json({}), ...ERRORS },
        },
      },
      "/portfolios/{id}/scenarios": {
        get: { summary: "The portfolio's saved scenarios, newest first, each with its parameters, data-as-of date and the URL that re-runs it on today's data", parameters: [idParam], responses: { "200": json({ type: "object", properties: { data: { type: "array", items: {} } } }), ...ERRORS } },
        post: {
          summary: "Run Scenario 1 (kind analogues) or Scenario 2 (kind shocks) on the portfolio and save it with its parameters, data vintage and result (analyst); a 422 writes nothing",
          parameters: [idParam],
          requestBody: body(saveScenarioSchema),
          responses: { "201": json({}, "Saved"), ...ERRORS },
        },
      },
      "/scenarios/{id}": {
        get: { summary: "One saved scenario: parameters, data vintage (last close and refresh per asset) and the stored result", parameters: [idParam], responses: { "200": json({}), ...ERRORS } },
        delete: {
          summary: "Soft-delete a saved scenario: the analyst who saved it, or an admin (403 otherwise); it then answers 404 until an admin restores it from the Deleted page",
          parameters: [idParam],
          responses: { "204": { description: "Deleted" }, ...ERRORS },
        },
      },
      "/scenarios/{id}/bundle": {
        get: {
          summary: "A saved scenario as a ZIP bundle: manifest.json (parameters, data vintage, who and when) and one CSV of the stored result; text cells neutralised against formulas",
          parameters: [idParam],
          responses: { "200": { description: "ZIP", content: { "application/zip": { schema: { type: "string", format: "binary" } } } }, ...ERRORS },
        },
      },
      "/annotations": {
        get: { summary: "List notes by event or asset", parameters: queryParams(annotationQuerySchema), responses: { "200": json(page), ...ERRORS } },
        post: { summary: "Add a note to an event, a reply, or a note pinned to an asset at a date (analyst)", requestBody: body(annotationInputSchema), responses: { "201": json({}, "Created"), ...ERRORS } },
      },
      "/triage": {
        get: {
          summary:
            "The triage queue of unexplained moves, largest |z| first, 20 to a page, with the triage page's filters (status defaults to OPEN; ALL for every status). " +
            "As in the page's URL, a filter value that cannot be read is ignored (its default applies)",
          parameters: queryParams(moveFilterSchema),
          responses: { "200": json(pageOf("MoveItem")), ...ERRORS },
        },
      },
      "/triage/{id}": {
        get: { summary: "One triage item with its moves and decision", parameters: [idParam], responses: { "200": json(ref("MoveItem")), ...ERRORS } },
      },
      "/triage/{id}/dismiss": {
        post: {
          summary: "Dismiss the item with a reason (analyst; OTHER needs a note); audited. Answers the item",
          parameters: [idParam],
          requestBody: body(dismissMoveFields),
          responses: { "200": json(ref("MoveItem")), ...ERRORS },
        },
      },
      "/triage/{id}/link": {
        post: {
          summary: "Link the item to an existing event (analyst): each moved asset the event does not expose yet is linked with the direction it moved; audited. Answers the item",
          parameters: [idParam],
          requestBody: body(linkMoveSchema.omit({ itemId: true })),
          responses: { "200": json(ref("MoveItem")), ...ERRORS },
        },
      },
      "/triage/{id}/reopen": {
        post: { summary: "Put a dismissed, linked or resolved item back in the open queue (analyst; no body); audited. Answers the item", parameters: [idParam], responses: { "200": json(ref("MoveItem")), ...ERRORS } },
      },
      "/notifications": {
        get: {
          summary: "The caller's own notifications, newest first (a token reads the inbox of the account it was issued for)",
          parameters: queryParams(inboxQuerySchema),
          responses: { "200": json(pageOf("Notification")), ...ERRORS },
        },
      },
      "/notifications/unread": {
        get: { summary: "How many of the caller's notifications are unread, as the header's bell shows", responses: { "200": json({ type: "object", properties: { unread: { type: "integer" } } }), ...ERRORS } },
      },
      "/notifications/read": {
        post: {
          summary: "Mark the caller's own notifications read: the listed ids (others' or already read ones change nothing) or all. Any role, READ tokens included: read state is the caller's own",
          requestBody: body(markReadSchema),
          responses: { "200": json({ type: "object", properties: { marked: { type: "integer" }, unread: { type: "integer" } } }), ...ERRORS },
        },
      },
      "/annotations/{id}": {
        patch: { summary: "Edit your own note (analyst); send the version you read", parameters: [idParam], requestBody: body(annotationEditSchema.omit({ id: true })), responses: { "200": json({}), ...ERRORS } },
        delete: { summary: "Soft-delete a note: your own, or any as an admin (analyst)", parameters: [idParam, versionParam], responses: { "204": { description: "Deleted" }, ...ERRORS } },
      },
    },
  };
}
