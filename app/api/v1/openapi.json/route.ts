// The OpenAPI document of /api/v1, generated from the request schemas. Public: it describes the API, not data.
import { openApiDocument } from "@/lib/http/openapi";

export function GET(): Response {
  return Response.json(openApiDocument());
}
