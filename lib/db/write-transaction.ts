// Interactive transactions for user writes. A burst of writers (an import, a thread filling up, many analysts at
// once) queues here, in order, for one of a few transaction slots — not in the connection pool, whose 5 s connect
// timeout would fail the writes at the back of a long queue — and leaves pool connections free for page reads.
import PQueue from "p-queue";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { noteWrite } from "@/lib/db/write-notes";

const SLOTS = Math.max(1, Number(process.env.FAULTLINE_DB_POOL ?? 10) - 3);

const globalForQueue = globalThis as unknown as { faultlineWriteQueue?: PQueue };

function queue(): PQueue {
  globalForQueue.faultlineWriteQueue ??= new PQueue({ concurrency: SLOTS });
  return globalForQueue.faultlineWriteQueue;
}

export async function writeTransaction<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const result = await queue().add(() => db().$transaction(fn, { maxWait: 10_000, timeout: 30_000 }), { throwOnTimeout: true });
  // After the commit: the writer's next reads must see this write, whichever server serves them.
  await noteWrite();
  return result;
}
