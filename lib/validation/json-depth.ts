// Every JSON input of Faultline is a form's worth of fields: objects of strings, numbers and short lists, two or three
// levels deep. A body nested thousands of levels deep is an attack on whatever walks it recursively later
// (JSON.stringify for a report manifest overflows the stack), so it is refused at the door.
import { BadRequestError } from "@/lib/errors";

export const MAX_JSON_DEPTH = 32;

/** Depth of a parsed JSON value (a scalar is 0), walked without recursion so the check itself cannot overflow. */
export function jsonDepth(value: unknown, stopAt = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > stopAt) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ v: child, depth: here });
  }
  return deepest;
}

export function assertJsonDepth(value: unknown, max = MAX_JSON_DEPTH): void {
  if (jsonDepth(value, max) > max) throw new BadRequestError(`The JSON body is nested more than ${max} levels deep.`);
}
