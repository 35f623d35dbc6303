// GET notes by event or asset with pagination (viewer); POST adds a note or reply (analyst).
import { createAnnotation } from "@/lib/annotations/commands";
import type { AnnotationInput } from "@/lib/annotations/schemas";
import { annotationQuerySchema, searchAnnotations } from "@/lib/annotations/search";
import { apiHandler, jsonBody, queryOf } from "@/lib/http/api-handler";
import { parseOrThrow } from "@/lib/validation/parse";

export const GET = apiHandler("VIEWER", async (req) => searchAnnotations(parseOrThrow(annotationQuerySchema, queryOf(req))));

export const POST = apiHandler("ANALYST", async (req, user) =>
  Response.json(await createAnnotation(user, (await jsonBody(req)) as AnnotationInput), { status: 201 }),
);
