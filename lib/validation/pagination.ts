import { z } from "zod";

export const paginationSchema = z.object({
  page: z.coerce.number({ error: "page must be a number" }).int("page must be a whole number").min(1, "page starts at 1").default(1),
  pageSize: z.coerce
    .number({ error: "pageSize must be a number" })
    .int("pageSize must be a whole number")
    .min(1, "pageSize must be between 1 and 200")
    .max(200, "pageSize must be between 1 and 200")
    .default(50),
});

export interface Page<T> {
  data: T[];
  page: number;
  pageSize: number;
  total: number;
}
