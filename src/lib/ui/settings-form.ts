import { PROGRAM_IDS, type ProgramId } from '$lib/domain/programs';
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

export function draftFrom(profile: Profile, programs: ProgramId[]): SettingsDraft {
	return {
		companyName: profile.companyName,
		partnerIds: Object.fromEntries(
			PROGRAM_IDS.map((id) => [id, profile.partnerIds[id] ?? ''])
		) as Record<ProgramId, string>,
		currency: profile.currency,
		timeZone: profile.timeZone,
		language: profile.language,
		programs: PROGRAM_IDS.filter((id) => programs.includes(id))
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
