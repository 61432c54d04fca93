import type { IsoDate } from './iso-date';
import type { TrainingRequirement } from './pack-schema';
import type { TrainingEvidence } from './records';

/** A training counts on `date` when completedOn ≤ date ≤ expiresOn, both days inclusive. */
export function isTrainingValid(training: TrainingEvidence, date: IsoDate): boolean {
	return training.completedOn <= date && date <= training.expiresOn;
}

/** Names and courses are compared as people type them: trimmed, NFC, without case. */
function key(text: string): string {
	return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export type TrainedPeople = {
	requirementId: string;
	/** Distinct people with a valid training for the requirement, as first written, sorted. */
	people: string[];
};

/** Per requirement, the distinct people who hold a valid training for it on `date`. */
export function trainedPeopleOn(options: {
	training: readonly TrainingEvidence[];
	requirements: readonly TrainingRequirement[];
	date: IsoDate;
}): TrainedPeople[] {
	return options.requirements.map((requirement) => {
		const courses = new Set(requirement.courses.map(key));
		const people = new Map<string, string>();
		for (const training of options.training) {
			if (!courses.has(key(training.course)) || !isTrainingValid(training, options.date)) continue;
			const person = key(training.person);
			if (!people.has(person)) people.set(person, training.person.trim());
		}
		return { requirementId: requirement.id, people: [...people.values()].sort() };
	});
}

/** Training valid on `from` that will have lapsed by `by` (expires before it). */
export function trainingLapsingBy(options: {
	training: readonly TrainingEvidence[];
	from: IsoDate;
	by: IsoDate;
}): TrainingEvidence[] {
	return options.training.filter(
		(training) => isTrainingValid(training, options.from) && training.expiresOn < options.by
	);
}
