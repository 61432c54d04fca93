import { z } from 'zod';

/** A text the user sees, in both languages the app speaks. */
export const localizedTextSchema = z.strictObject({
	de: z.string().min(1),
	en: z.string().min(1)
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;
