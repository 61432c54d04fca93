import type { ProgramRecord } from '$lib/domain/program-record';
import type { ProgramModule, RecordProblem } from '$lib/programs/program-module';
import { problemsFromZodIssues } from '$lib/programs/pack-problem';
import { audit, withAuditTables } from './audit';
import type { PartnerDeskDatabase } from './db';
import { guardStorage } from './errors';

/**
 * A record a program refused: its schema or its check (a contract term overlapping another of
 * the same aggregator). Expected, not a bug: the page names each problem's field.
 */
export class RecordRefused extends Error {
	constructor(readonly problems: readonly RecordProblem[]) {
		super(problems.map((problem) => `${problem.field}: ${problem.code}`).join('; '));
		this.name = 'RecordRefused';
	}
}

function kindOf(program: ProgramModule, kind: string) {
	const found = program.records?.[kind];
	if (!found) throw new Error(`program ${program.id} keeps no records of kind ${kind}`);
	return found;
}

/**
 * The problems of a record a program keeps, against the others of its kind; none when it may be
 * stored. Used for every write and for each record of a backup before a restore writes anything.
 */
export function recordProblems(
	program: ProgramModule,
	kind: string,
	value: unknown,
	others: readonly unknown[]
): { problems: RecordProblem[]; value?: unknown; id?: string } {
	const definition = kindOf(program, kind);
	const parsed = definition.schema.safeParse(value);
	if (!parsed.success) {
		const problems = problemsFromZodIssues(parsed.error.issues).map((problem) => ({
			code: 'record-field-invalid',
			field: problem.field,
			message: problem.detail
		}));
		return { problems };
	}
	const problems = definition.check?.(parsed.data, others) ?? [];
	return { problems, value: parsed.data, id: definition.idOf(parsed.data) };
}

/** The records of one kind of a program, by id. */
export async function listProgramRecords<Value>(
	db: PartnerDeskDatabase,
	program: ProgramModule,
	kind: string
): Promise<Value[]> {
	const records = await guardStorage(() =>
		db.programRecords.where('[programId+kind]').equals([program.id, kind]).sortBy('id')
	);
	return records.map((record) => record.value as Value);
}

/**
 * Adds or replaces a record (by its id), checked by the program's schema and against the others of
 * its kind in the same transaction; audited. Throws `RecordRefused` with the problems.
 */
export async function saveProgramRecord<Value>(
	db: PartnerDeskDatabase,
	options: { program: ProgramModule; kind: string; value: Value; replacing?: string; now?: Date }
): Promise<Value> {
	const { program, kind, now = new Date() } = options;
	const at = now.toISOString();
	return guardStorage(() =>
		db.transaction('rw', withAuditTables(db, db.programRecords), async () => {
			const stored = await db.programRecords
				.where('[programId+kind]')
				.equals([program.id, kind])
				.toArray();
			const others = stored
				.filter((record) => record.id !== options.replacing)
				.map((record) => record.value);
			const checked = recordProblems(program, kind, options.value, others);
			const id = checked.id;
			if (checked.problems.length > 0 || id === undefined)
				throw new RecordRefused(checked.problems);
			const before = stored.find((record) => record.id === (options.replacing ?? id));
			if (!options.replacing && stored.some((record) => record.id === id))
				throw new RecordRefused([{ code: 'record-id-taken', field: 'id', message: id }]);
			if (options.replacing && options.replacing !== id)
				await db.programRecords.delete([program.id, kind, options.replacing]);
			const record: ProgramRecord = {
				programId: program.id,
				kind,
				id,
				value: checked.value,
				updatedAt: at
			};
			await db.programRecords.put(record);
			await audit(
				db,
				{
					action: 'record-saved',
					program: program.id,
					detail: { kind, id },
					before: before && { id: before.id, updatedAt: before.updatedAt },
					after: { id, updatedAt: at }
				},
				at
			);
			return checked.value as Value;
		})
	);
}

/** Deletes a record; audited. Deleting one that is not there changes nothing. */
export async function deleteProgramRecord(
	db: PartnerDeskDatabase,
	options: { program: ProgramModule; kind: string; id: string; now?: Date }
): Promise<void> {
	const { program, kind, id, now = new Date() } = options;
	await guardStorage(() =>
		db.transaction('rw', withAuditTables(db, db.programRecords), async () => {
			const key: [string, string, string] = [program.id, kind, id];
			if (!(await db.programRecords.get(key))) return;
			await db.programRecords.delete(key);
			await audit(
				db,
				{ action: 'record-deleted', program: program.id, detail: { kind, id } },
				now.toISOString()
			);
		})
	);
}
