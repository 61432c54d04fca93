import { z } from 'zod';
import { localizedTextSchema } from '$lib/domain/localized-text';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** What every program pack says about itself, beside its id and parameters (DESIGN.md "Program packs"). */
export const packHeaderShape = {
	version: z.string().regex(SEMVER, 'a semantic version such as 1.0.0'),
	validFrom: z.iso.date(),
	/** null: open-ended, valid until a newer program guide replaces the pack. */
	validTo: z.iso.date().nullable(),
	title: localizedTextSchema,
	/** The program text the pack's values come from. */
	basedOn: z.strictObject({ document: z.string().min(1), date: z.iso.date() })
};
