// Interactive transactions for user writes. A burst of writers (an import, a thread filling up) queues for a
// pooled connection: wait for one rather than fail after Prisma's default 2 s.
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export function writeTransaction<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db().$transaction(fn, { maxWait: 60_000, timeout: 30_000 });
}
