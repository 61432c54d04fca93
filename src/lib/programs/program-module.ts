import type { LocalizedText } from '$lib/domain/localized-text';
import type { Period } from '$lib/domain/period';
import type { Enrollment } from '$lib/domain/settings';
import type { PackProblem } from './pack-problem';

/**
 * A deadline the Desk counts down to: the next report a program expects from the partner, with
 * the window in which the partner can review it.
 */
export type ProgramDeadline = {
	programId: string;
	period: Period;
	year: number;
	month: number;
	reviewOpensAt: Date;
	/** The last day on which the report is on time (the due date as a calendar day). */
	dueDay: Date;
	daysLeft: number;
	reviewOpen: boolean;
};

/** A program's pack as the partner uses it: the built-in values with the partner's overrides. */
export type EffectivePack<Pack> = { pack: Pack; problems: PackProblem[] };

/**
 * What a partner program brings to the app's core: its name, its pack with the partner's
 * overrides, and the rules the Desk runs for it. Its pages and panels join in the UI registry
 * (src/lib/ui/programs/registry.ts). Adding a program is a folder under src/lib/programs/ with
 * one of these, and a line in each registry.
 */
export interface ProgramModule<Pack = unknown> {
	readonly id: string;
	readonly name: LocalizedText;
	/** One line under the name: what the program is about for the partner. */
	readonly summary: LocalizedText;
	/**
	 * The pack with the partner's stored overrides (an enrollment's `packOverrides`); overrides
	 * that no longer pass the pack's schema are set aside and named, never half-applied.
	 */
	effectivePack(overrides: unknown): EffectivePack<Pack>;
	/** The next deadline of an enrolled partner at `now`, if the program has deadlines. */
	nextDeadline?(options: {
		enrollment: Enrollment;
		timeZone: string;
		now: Date;
	}): ProgramDeadline | undefined;
}
