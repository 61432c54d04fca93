import type { UsageLine } from '$lib/domain/usage-line';
import { describe, expect, it } from 'vitest';
import type { DecimalString } from '$lib/domain/money';
import { BundleBuildError, buildBundlePayload } from './build-bundle-payload';
import { BundlePayloadSchema, toBundleId } from './bundle-payload';
import { canonicalText } from './canonical-json';
import {
	BUNDLE_ID,
	expectedFigures,
	octoberFindings,
	octoberLines,
	octoberOptions,
	octoberPayload,
	readyRevision
} from '../../../tests/helpers/sync';

function line(changes: Partial<UsageLine>): UsageLine {
	return {
		line: 2,
		sid: 'SID-4711-HZN-01',
		description: 'Horizon Cloud Virtueller Desktop Standard',
		customerRef: 'TechnoForm Kunststoffe GmbH & Co. KG',
		quantity: '140' as DecimalString,
		unitPrice: '24.90' as DecimalString,
		total: '3486.00' as DecimalString,
		...changes
	};
}

/** A ready revision of just `lines`, no findings: for the arithmetic cases. */
function smallOptions(lines: UsageLine[], amount: string) {
	return octoberOptions({
		lines,
		findings: [],
		revision: readyRevision([], {
			lineCount: lines.length,
			totals: { quantity: '0', amount } as never
		})
	});
}

function buildError(run: () => unknown): BundleBuildError {
	try {
		run();
	} catch (error) {
		if (error instanceof BundleBuildError) return error;
		throw error;
	}
	throw new Error('expected a BundleBuildError');
}

describe('buildBundlePayload on the October sample report', () => {
	const payload = octoberPayload();
	const figures = expectedFigures['usage-2026-10.de.csv'];

	it('carries all 46 lines and the total of expected.json, 77220.34', () => {
		expect(figures).toMatchObject({ rows: 46, total: '77220.34' });
		expect(payload.lines).toHaveLength(figures.rows);
		expect(payload.totals).toEqual({ amount: figures.total });
		expect(new Set(payload.lines.map((l) => l.customerRef)).size).toBe(9);
	});

	it('writes the protocol members and nothing else; a regular report says its kind', () => {
		expect(Object.keys(payload).sort()).toEqual([
			'aggregator',
			'bundleId',
			'createdAt',
			'currency',
			'excludedRows',
			'findings',
			'kind',
			'lines',
			'partner',
			'period',
			'previousDigest',
			'program',
			'revision',
			'supersedes',
			'totals'
		]);
		expect(payload).toMatchObject({
			bundleId: BUNDLE_ID,
			revision: 1,
			supersedes: null,
			partner: { id: 'SP-4711', name: 'Muster IT-Services GmbH' },
			aggregator: { id: 'AGG-EXD-DE', name: 'Example Distribution GmbH' },
			program: { id: 'omnissa-sp', packVersion: '1.0.0' },
			period: '2026-10',
			createdAt: '2026-11-12T09:46:00.000Z',
			currency: 'EUR',
			previousDigest: null,
			kind: 'regular'
		});
	});

	it('carries the audit head it is given, and no member for an empty log', () => {
		const head = 'c0ffee'.padEnd(64, '0');
		expect(octoberPayload({ auditHead: head }).auditHead).toBe(head);
		expect(octoberPayload({ auditHead: null })).not.toHaveProperty('auditHead');
		expect(buildError(() => octoberPayload({ auditHead: 'abc' }))).toMatchObject({
			code: 'invalid-payload',
			field: 'auditHead'
		});
	});

	it('keeps each line as imported with its SKU, unit, contract id and credit reason', () => {
		expect(payload.lines[4]).toEqual({
			sid: 'SID-4711-HZN-01',
			description: 'Veröffentlichte Anwendungen (RDSH)',
			customerRef: 'Nordlicht Logistik AG',
			sku: 'OSP-APP-PUB-CCU',
			unit: 'Gleichzeitiger Benutzer',
			contractId: 'SPC-4711-2026-01',
			quantity: '-6',
			unitPrice: '11.20',
			total: '-67.20',
			creditReason: 'Six users cancelled on 2026-10-20'
		});
		expect(payload.lines[0]).toEqual({
			sid: 'SID-4711-HZN-01',
			description: 'Horizon Cloud Virtueller Desktop Standard',
			customerRef: 'Alpenblick Hotelgruppe GmbH',
			sku: 'OSP-HZN-STD-CCU',
			unit: 'Gleichzeitiger Benutzer',
			contractId: 'SPC-4711-2026-01',
			quantity: '35',
			unitPrice: '24.90',
			total: '871.50'
		});
		// Only the credit line has a reason; lines without one carry no empty member.
		expect(payload.lines.filter((l) => 'creditReason' in l)).toHaveLength(1);
		expect(canonicalText(payload)).toContain('"creditReason":"Six users cancelled on 2026-10-20"');
		expect(payload.lines.every((l) => /^-?\d+\.\d\d$/.test(l.total))).toBe(true);
	});

	it('carries the findings in English, the warnings with their acknowledgement', () => {
		expect(payload.findings).toEqual([
			{
				ruleId: 'quantity-change',
				severity: 'warning',
				message: octoberFindings()[0].message.en,
				acknowledged: { reasonCode: 'customer-growth', comment: 'TechnoForm opened a second site' }
			},
			{
				ruleId: 'sid-dropped',
				severity: 'warning',
				message: octoberFindings()[1].message.en,
				acknowledged: {
					reasonCode: 'other',
					comment: 'Bäckerei Hüttner cancelled published apps'
				}
			},
			{ ruleId: 'new-customer', severity: 'info', message: octoberFindings()[2].message.en }
		]);
		expect(payload.findings[0].message).toContain('TechnoForm');
		expect(payload.findings[0].message).not.toBe(octoberFindings()[0].message.de);
	});

	it('carries a warning that appeared after "ready" without an acknowledgement', () => {
		const findings = octoberFindings();
		const built = buildBundlePayload({
			...octoberOptions({ findings }),
			revision: readyRevision([])
		});
		expect(built.findings.map((f) => f.acknowledged)).toEqual([undefined, undefined, undefined]);
		expect(canonicalText(built)).not.toContain('acknowledged');
	});

	it('is valid by the payload schema', () => {
		expect(BundlePayloadSchema.safeParse(payload).success).toBe(true);
	});

	it('marks a confirmed month without usage as kind zero-usage', () => {
		const zero = buildBundlePayload(
			octoberOptions({
				lines: [],
				findings: [],
				revision: readyRevision([], {
					lineCount: 0,
					zeroUsageConfirmed: true,
					creditReasons: {},
					totals: { quantity: '0', amount: '0.00' } as never
				})
			})
		);
		expect(zero).toMatchObject({ kind: 'zero-usage', lines: [], totals: { amount: '0.00' } });
	});

	it('leaves out SKU, unit and contract id where the export has none', () => {
		const plain = smallOptions(
			[line({ sku: undefined, unit: undefined, contractId: undefined })],
			'3486.00'
		);
		expect(Object.keys(buildBundlePayload(plain).lines[0]).sort()).toEqual([
			'customerRef',
			'description',
			'quantity',
			'sid',
			'total',
			'unitPrice'
		]);
	});

	it('marks an adjustment with kind, and a correction with supersedes', () => {
		const findings = octoberFindings();
		const adjustment = octoberPayload({
			findings,
			revision: readyRevision(findings, { kind: 'adjustment' })
		});
		expect(adjustment.kind).toBe('adjustment');
		expect(canonicalText(adjustment)).toContain('"kind":"adjustment"');
		const first = toBundleId('9a4b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d');
		const correction = octoberPayload({
			findings,
			revision: readyRevision(findings, {
				revision: 2,
				supersedes: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f'
			}),
			supersedes: first
		});
		expect([correction.revision, correction.supersedes]).toEqual([2, first]);
	});
});

describe('buildBundlePayload keeps decimals exactly', () => {
	it('keeps "0.10" and "12.3450", rounds the total half-even and writes 2 decimals', () => {
		const payload = buildBundlePayload(
			smallOptions(
				[
					// 0.10 × 12.3450 = 1.2345 → 1.23; 18 × 11.20 = 201.60, stored as "201.6".
					line({
						quantity: '0.10' as DecimalString,
						unitPrice: '12.3450' as DecimalString,
						total: '1.23' as DecimalString
					}),
					line({
						line: 3,
						quantity: '18' as DecimalString,
						unitPrice: '11.20' as DecimalString,
						total: '201.6' as DecimalString,
						customerRef: undefined
					})
				],
				'202.83'
			)
		);
		expect(payload.lines).toEqual([
			{
				sid: 'SID-4711-HZN-01',
				description: 'Horizon Cloud Virtueller Desktop Standard',
				customerRef: 'TechnoForm Kunststoffe GmbH & Co. KG',
				quantity: '0.10',
				unitPrice: '12.3450',
				total: '1.23'
			},
			{
				sid: 'SID-4711-HZN-01',
				description: 'Horizon Cloud Virtueller Desktop Standard',
				quantity: '18',
				unitPrice: '11.20',
				total: '201.60'
			}
		]);
		expect(payload.totals.amount).toBe('202.83');
		expect(canonicalText(payload.lines[0])).toBe(
			'{"customerRef":"TechnoForm Kunststoffe GmbH & Co. KG","description":"Horizon Cloud Virtueller Desktop Standard","quantity":"0.10","sid":"SID-4711-HZN-01","total":"1.23","unitPrice":"12.3450"}'
		);
	});

	it('writes a zero-usage report as no lines and "0.00"', () => {
		const payload = buildBundlePayload(smallOptions([], '0'));
		expect([payload.lines, payload.totals.amount]).toEqual([[], '0.00']);
	});
});

describe('buildBundlePayload refuses', () => {
	it('a draft, and every state but ready', () => {
		for (const state of ['draft', 'signed', 'queued', 'delivered', 'superseded'] as const) {
			const findings = octoberFindings();
			const error = buildError(() =>
				buildBundlePayload(
					octoberOptions({ findings, revision: readyRevision(findings, { state }) })
				)
			);
			expect([error.code, error.message]).toEqual([
				'not-ready',
				`revision 0b8f3c9e-2a41-4c8e-9d57-7f1a2b3c4d5e is ${state}: only a ready revision is signed`
			]);
		}
	});

	it('a report with a blocking finding: the credit line without a reason', () => {
		const findings = octoberFindings({ creditReasons: {} });
		expect(findings.map((f) => f.severity)).toEqual(['blocking', 'warning', 'warning', 'info']);
		const error = buildError(() => buildBundlePayload(octoberOptions({ findings })));
		expect(error.code).toBe('blocking-findings');
		expect(error.message).toContain(
			'1 blocking finding(s): negative-quantity-without-credit-reason|line|6|SID-4711-HZN-01|Nordlicht Logistik AG|'
		);
	});

	it('a line whose total is not quantity × unit price (stale findings)', () => {
		const lines = octoberLines.map((l, i) =>
			i === 4 ? { ...l, total: '-67.21' as DecimalString } : l
		);
		const error = buildError(() => buildBundlePayload(octoberOptions({ lines })));
		expect([error.code, error.message]).toEqual([
			'line-total-mismatch',
			'line 6: -6 × 11.20 is -67.20, not -67.21'
		]);
	});

	it('lines or totals of another state of the revision', () => {
		expect(
			buildError(() => buildBundlePayload(octoberOptions({ lines: octoberLines.slice(1) }))).code
		).toBe('stale-lines');
		const findings = octoberFindings();
		const revision = readyRevision(findings, {
			totals: { quantity: '13941', amount: '77220.35' } as never
		});
		const error = buildError(() => buildBundlePayload(octoberOptions({ findings, revision })));
		expect([error.code, error.message]).toEqual([
			'stale-totals',
			'the lines add up to 77220.34, the revision says 77220.35'
		]);
	});

	it('findings of another pack version', () => {
		const error = buildError(() =>
			buildBundlePayload(octoberOptions({ pack: { id: 'omnissa-sp', version: '1.1.0' } }))
		);
		expect(error.code).toBe('stale-findings');
	});

	it('refuses a revision 1 that supersedes; a later one may correct nothing sent here', () => {
		const findings = octoberFindings();
		expect(
			buildError(() =>
				buildBundlePayload(
					octoberOptions({
						findings,
						supersedes: toBundleId('9a4b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d')
					})
				)
			).code
		).toBe('supersedes-mismatch');
		const unsent = buildBundlePayload(
			octoberOptions({ findings, revision: readyRevision(findings, { revision: 2 }) })
		);
		expect([unsent.revision, unsent.supersedes]).toEqual([2, null]);
	});

	it('a payload the schema refuses, naming the field', () => {
		const error = buildError(() =>
			buildBundlePayload(octoberOptions({ partner: { id: 'SP-4711', name: '' } }))
		);
		expect([error.code, error.field]).toEqual(['invalid-payload', 'partner.name']);
	});
});

describe('buildBundlePayload, line by line and refusal by refusal, exactly', () => {
	it('carries each optional word only when the export has it; a credit reason trimmed', () => {
		const options = smallOptions(
			[
				line({ line: 2, sku: 'OSP-HZN-STD-CCU', unit: 'CCU', contractId: 'SPC-1' }),
				line({ line: 3, customerRef: '', sku: '', unit: '', contractId: '' })
			],
			'6972.00'
		);
		options.revision = { ...options.revision, creditReasons: { '2': '  moved  ', '3': '   ' } };
		const [full, bare] = buildBundlePayload(options).lines;
		expect(full).toStrictEqual({
			sid: 'SID-4711-HZN-01',
			description: 'Horizon Cloud Virtueller Desktop Standard',
			customerRef: 'TechnoForm Kunststoffe GmbH & Co. KG',
			sku: 'OSP-HZN-STD-CCU',
			unit: 'CCU',
			contractId: 'SPC-1',
			quantity: '140',
			unitPrice: '24.90',
			total: '3486.00',
			creditReason: 'moved'
		});
		expect(Object.keys(bare).sort()).toEqual([
			'description',
			'quantity',
			'sid',
			'total',
			'unitPrice'
		]);
	});

	it('each refusal says what does not fit, with its field where it has one', () => {
		const error = (options: Parameters<typeof buildBundlePayload>[0]) => {
			const thrown = buildError(() => buildBundlePayload(options));
			return { name: thrown.name, code: thrown.code, message: thrown.message, field: thrown.field };
		};
		const mismatch = smallOptions([line({ total: '3486.01' as DecimalString })], '3486.01');
		expect(error(mismatch)).toEqual({
			name: 'BundleBuildError',
			code: 'line-total-mismatch',
			message: 'line 2: 140 × 24.90 is 3486.00, not 3486.01',
			field: 'line 2'
		});
		const findings = octoberFindings();
		const otherPack = findings.map((finding) => ({
			...finding,
			pack: { ...finding.pack, id: 'genesys-appfoundry' }
		}));
		for (const options of [
			octoberOptions({ findings: otherPack, revision: readyRevision(findings) }),
			octoberOptions({ findings: [], pack: { id: 'genesys-appfoundry', version: '1.0.0' } })
		])
			expect(error(options)).toMatchObject({
				code: 'stale-findings',
				message: expect.stringMatching(/^findings and revision must use pack omnissa-sp /)
			});
		expect(error(octoberOptions({ lines: octoberLines.slice(1) }))).toMatchObject({
			code: 'stale-lines',
			message: `revision 0b8f3c9e-2a41-4c8e-9d57-7f1a2b3c4d5e has 46 lines, 45 were given`
		});
		const supersedes = toBundleId('9a4b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d');
		expect(error(octoberOptions({ supersedes }))).toEqual({
			name: 'BundleBuildError',
			code: 'supersedes-mismatch',
			message: `revision 1 with supersedes ${supersedes}: revision 1 supersedes nothing`,
			field: 'supersedes'
		});
		const totals = readyRevision(findings, { totals: { quantity: '0', amount: '1' } as never });
		expect(error(octoberOptions({ findings, revision: totals }))).toMatchObject({
			code: 'stale-totals',
			field: 'totals.amount'
		});
		const twoBlocking = octoberFindings({ creditReasons: {} });
		const blocking = twoBlocking.filter((finding) => finding.severity === 'blocking')[0];
		expect(
			error(
				octoberOptions({
					findings: [blocking, { ...blocking, subject: { ...blocking.subject, line: 99 } }]
				})
			).message
		).toMatch(/has 2 blocking finding\(s\): negative-quantity-without-credit-reason\|[^,]+, /);
	});
});
