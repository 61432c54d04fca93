import { describe, expect, it } from 'vitest';
import { isTrainingValid, trainedPeopleOn, trainingLapsingBy } from './training';
import { technical } from './test-packs';

const requirements = [
	{
		id: 'tech',
		label: { de: 'Technik', en: 'Technical' },
		courses: ['Genesys Cloud Platform Fundamentals', 'Genesys Cloud Developer Essentials']
	}
];

describe('training', () => {
	it('is valid from the completion day through the expiry day, both inclusive', () => {
		const t = technical('Ada', '2026-03-01', '2027-03-01');
		expect(
			['2026-02-28', '2026-03-01', '2027-03-01', '2027-03-02'].map((day) => isTrainingValid(t, day))
		).toEqual([false, true, true, false]);
	});

	it('counts distinct people per requirement: two courses of one person are one person', () => {
		// Ada holds both courses (1 person), "ada " with another case is still Ada; Ben's expired
		// on 2026-08-29 (not counted on 2026-11-12); a course outside the requirement does not count.
		const training = [
			technical('Ada', '2026-01-01', '2027-01-01'),
			{
				...technical('ada ', '2026-02-01', '2027-02-01'),
				course: 'genesys cloud developer essentials'
			},
			technical('Ben', '2024-08-29', '2026-08-29'),
			{ ...technical('Cleo', '2026-01-01', '2027-01-01'), course: 'Sales Accreditation' }
		];
		expect(trainedPeopleOn({ training, requirements, date: '2026-11-12' })).toEqual([
			{ requirementId: 'tech', people: ['Ada'] }
		]);
	});

	it('lists training valid today that lapses before a date', () => {
		const mira = technical('Mira', '2025-11-30', '2026-11-30');
		const onReviewDay = technical('Lena', '2025-12-01', '2026-12-01');
		expect(
			trainingLapsingBy({ training: [mira, onReviewDay], from: '2026-11-12', by: '2026-12-01' })
		).toEqual([mira]);
	});
});
