// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas that validate requests.
import { z } from "zod";
import { annotationInputSchema } from "@/lib/annotations/schemas";
import { annotationQuerySchema } from "@/lib/annotations/search";
import { priceQuerySchema } from "@/lib/assets/price-query";
import { eventInputSchema, eventUpdateSchema } from "@/lib/events/schemas";
import { eventQuerySchema } from "@/lib/events/search";
import { themeInputSchema } from "@/lib/themes/schemas";

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
const page = { type: "object", properties: { data: { type: "array", items: {} }, page: { type: "integer" }, pageSize: { type: "integer" }, total: { type: "integer" } } };

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
        AnnotationInput: schemaOf(annotationInputSchema),
      },
    },
    paths: {
      "/events": {
        get: { summary: "List events", parameters: queryParams(eventQuerySchema), responses: { "200": json(page), ...ERRORS } },
        post: { summary: "Create an event (analyst)", requestBody: body(eventInputSchema), responses: { "201": json({}, "Created"), ...ERRORS } },
      },
      "/events/{id}": {
        get: { summary: "One event with its exposures", parameters: [idParam], responses: { "200": json({}), ...ERRORS } },
        patch: { summary: "Change an event (analyst); send the version you read", parameters: [idParam], requestBody: body(eventUpdateSchema.partial().required({ version: true })), responses: { "200": json({}), ...ERRORS } },
        delete: { summary: "Soft-delete an event (analyst)", parameters: [idParam, { name: "version", in: "query", required: true, schema: { type: "integer" } }], responses: { "204": { description: "Deleted" }, ...ERRORS } },
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
      "/assets": { get: { summary: "List assets with their last close", responses: { "200": json({}), ...ERRORS } } },
      "/assets/{symbol}/prices": {
        get: {
          summary: "Daily bars of an asset",
          parameters: [{ name: "symbol", in: "path", required: true, schema: { type: "string" } }, ...queryParams(priceQuerySchema)],
          responses: { "200": json({}), ...ERRORS },
        },
      },
      "/annotations": {
        get: { summary: "List notes by event or asset", parameters: queryParams(annotationQuerySchema), responses: { "200": json(page), ...ERRORS } },
        post: { summary: "Add a note to an event, a reply, or a note pinned to an asset at a date (analyst)", requestBody: body(annotationInputSchema), responses: { "201": json({}, "Created"), ...ERRORS } },
      },
    },
  };
}
