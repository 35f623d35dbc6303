import type { z } from "zod";
import { ValidationError } from "@/lib/errors";

/** Parses with a shared schema or throws a ValidationError carrying every field's message. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw ValidationError.fromZod(r.error);
  return r.data;
}
