import type { ProgramId } from '$lib/domain/programs';
import { PROGRAMS } from '$lib/programs/registry';
import {
	fieldErrors,
	ProfileSchema,
	type FieldErrors,
	type Language,
	type Profile
} from '$lib/domain/settings';

/** What the settings form edits: every input as the user typed it. */
export type SettingsDraft = {
	companyName: string;
	partnerIds: Record<ProgramId, string>;
	currency: string;
	timeZone: string;
	language: Language;
	programs: ProgramId[];
};

/** `known`: the ids of the programs Settings lists (the registry's, unless a test adds one). */
export function draftFrom(
	profile: Profile,
	programs: ProgramId[],
	known: readonly ProgramId[] = PROGRAMS.map((program) => program.id)
): SettingsDraft {
	return {
		companyName: profile.companyName,
		partnerIds: Object.fromEntries(known.map((id) => [id, profile.partnerIds[id] ?? ''])),
		currency: profile.currency,
		timeZone: profile.timeZone,
		language: profile.language,
		programs: known.filter((id) => programs.includes(id))
	};
}

export type DraftCheck =
	{ ok: true; profile: Profile; programs: ProgramId[] } | { ok: false; errors: FieldErrors };

/** Validates a draft: the profile to store, or the errors by field. Empty partner ids are left out. */
export function checkDraft(draft: SettingsDraft): DraftCheck {
	const partnerIds = Object.fromEntries(
		Object.entries(draft.partnerIds).filter(([, id]) => id.trim() !== '')
	);
	const result = ProfileSchema.safeParse({
		companyName: draft.companyName,
		partnerIds,
		currency: draft.currency.trim().toUpperCase(),
		timeZone: draft.timeZone.trim(),
		language: draft.language
	});
	if (!result.success) return { ok: false, errors: fieldErrors(result.error) };
	return { ok: true, profile: result.data, programs: draft.programs };
}

export function sameDraft(a: SettingsDraft, b: SettingsDraft): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}
