import { z } from "zod";
import { idSchema } from "@/lib/validation/fields";

export const themeInputSchema = z.object({
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(100, "Theme name must be at most 100 characters"),
  description: z.string().max(2_000, "Description must be at most 2,000 characters").optional().transform((s) => s?.trim() ?? ""),
});
export type ThemeInput = z.input<typeof themeInputSchema>;

export const themeMergeSchema = z
  .object({ sourceId: idSchema("Theme to merge"), targetId: idSchema("Theme to keep") })
  .refine((m) => m.sourceId !== m.targetId, { path: ["targetId"], message: "Choose two different themes" });

export const themeDeleteSchema = z.object({ id: idSchema("Theme") });
