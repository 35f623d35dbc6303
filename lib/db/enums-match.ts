// Compile-time check that lib/enums' lists are the enums Prisma generates from the schema: a migration that changes
// one fails `tsc` here. Types only; nothing is loaded at run time.
import type { DataSource as DbDataSource, Direction as DbDirection, EventCategory as DbEventCategory, TimePrecision as DbTimePrecision } from "@/lib/db/generated/enums";
import type { AllTrue, DataSource, Direction, EventCategory, Same, TimePrecision } from "@/lib/enums";

export type EnumsMatchTheSchema = AllTrue<[
  Same<DataSource, DbDataSource>,
  Same<TimePrecision, DbTimePrecision>,
  Same<EventCategory, DbEventCategory>,
  Same<Direction, DbDirection>,
]>;
