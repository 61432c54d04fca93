import type { z } from 'zod';
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

/** Why a program refuses a record it keeps (a contract overlapping another): a code and the field. */
export type RecordProblem = { code: string; field: string; message: string };

/**
 * A kind of record a program keeps beside the reports (an Omnissa commit contract). The store
 * checks every write and every restored record with `schema` and `check`, so a program's records
 * need no table or backup code of their own.
 */
export type ProgramRecordKind<Value = unknown> = {
	schema: z.ZodType<Value>;
	/** The record's id among its kind (a contract's id). */
	idOf(value: Value): string;
	/** Problems with this record next to the others of its kind (overlapping terms), if any. */
	check?(value: Value, others: readonly Value[]): RecordProblem[];
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
	/** The kinds of record the program keeps, by kind ("contract"). */
	readonly records?: Readonly<Record<string, ProgramRecordKind>>;
	/** The next deadline of an enrolled partner at `now`, if the program has deadlines. */
	nextDeadline?(options: {
		enrollment: Enrollment;
		timeZone: string;
		now: Date;
	}): ProgramDeadline | undefined;
}
