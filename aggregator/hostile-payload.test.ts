import Big from 'big.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkPayload } from './check-payload.js';
import type { RunningAggregator } from './server.js';
import {
	buildPayload,
	createSigner,
	postBundle,
	problemType,
	signBundle,
	type BundlePayload,
	type Signer
} from './test-bundle.js';
import { SETUP_TIMEOUT, setUpAggregator, type TestAggregator } from './test-server.js';

// The report that held the server for 2 s: a 24,000-digit quantity and price, signed by a key
// anyone can make. big.js multiplies in time quadratic in the digits.
const HUGE = '9'.repeat(24_000);

let test: TestAggregator;
let aggregator: RunningAggregator;
let signer: Signer;

beforeEach(async () => {
	test = await setUpAggregator();
	aggregator = test.server;
	signer = test.signer;
}, SETUP_TIMEOUT);

afterEach(async () => {
	vi.restoreAllMocks();
	await test.close();
});

/** Counts every big.js multiplication and addition: the arithmetic a sender can make expensive. */
function countArithmetic() {
	const times = vi.spyOn(Big.prototype, 'times');
	const plus = vi.spyOn(Big.prototype, 'plus');
	return () => times.mock.calls.length + plus.mock.calls.length;
}

function hugeLine(): BundlePayload {
	const payload = buildPayload();
	const [line] = payload.lines;
	return {
		...payload,
		lines: [{ ...line, quantity: HUGE, unitPrice: HUGE, total: `${HUGE}.00` }],
		totals: { amount: `${HUGE}.00` }
	};
}

describe('unbounded decimals', () => {
	it('a 24,000-digit quantity and price are refused by the bounded schema, before any arithmetic', () => {
		const arithmetic = countArithmetic();
		const result = checkPayload(hugeLine());
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problem.code).toBe('invalid-payload');
		expect(result.problem.body.field).toBe('lines[0].quantity');
		expect(result.problem.body.errors).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ field: 'lines[0].unitPrice' }),
				expect.objectContaining({ field: 'lines[0].total' }),
				expect.objectContaining({ field: 'totals.amount' })
			])
		);
		expect(arithmetic()).toBe(0);
	});

	it.each([
		['16 digits before the point', 'quantity', '1234567890123456'],
		['11 decimals', 'unitPrice', '0.12345678901'],
		['an amount with 38 digits before the point', 'total', `${'1'.repeat(38)}.00`]
	])('refuses a decimal with %s, naming the field', (_name, field, value) => {
		const payload = buildPayload();
		payload.lines[0] = { ...payload.lines[0], [field]: value };
		const result = checkPayload(payload);
		expect(result).toMatchObject({
			ok: false,
			problem: { code: 'invalid-payload', body: { field: `lines[0].${field}` } }
		});
	});

	it('accepts the largest decimals the bounds allow, with exact figures', async () => {
		const max = '999999999999999.9999999999';
		const total = '999999999999999999999999800000.00';
		const payload = buildPayload({
			lines: [{ sid: 'SID-MAX', description: 'the bound', quantity: max, unitPrice: max, total }],
			totals: { amount: total }
		});
		expect(checkPayload(payload)).toMatchObject({ ok: true });
		expect((await postBundle(aggregator.url, await signBundle(signer, payload))).status).toBe(201);
	});

	it('refuses the pathological bundle with 422 while another request is answered', async () => {
		const stranger = await createSigner();
		const hostile = await signBundle(stranger, hugeLine());
		const honest = await signBundle(signer, buildPayload());
		const arithmetic = countArithmetic();
		const [refused, accepted] = await Promise.all([
			postBundle(aggregator.url, hostile),
			postBundle(aggregator.url, honest)
		]);
		expect(refused.status).toBe(422);
		expect(await refused.json()).toMatchObject({
			type: problemType('invalid-payload'),
			field: 'lines[0].quantity'
		});
		expect(accepted.status).toBe(201);
		// No wall clock on a shared machine: the proof is that the 24,000 digits never reached
		// big.js. The honest bundle's 2 lines cost 2 multiplications and 2 additions.
		expect(arithmetic()).toBe(4);
	});
});

describe('the sender is checked before the figures', () => {
	/** Bounded, but wrong: the figures would refuse it with 422 line-total-mismatch. */
	const wrongFigures = () => {
		const payload = buildPayload();
		payload.lines[0] = { ...payload.lines[0], total: '1.00' };
		return payload;
	};

	it('an unregistered key gets 403 without a single big.js operation', async () => {
		const arithmetic = countArithmetic();
		const response = await postBundle(
			aggregator.url,
			await signBundle(await createSigner(), wrongFigures())
		);
		expect(response.status).toBe(403);
		expect(await response.json()).toMatchObject({ type: problemType('unregistered-key') });
		expect(arithmetic()).toBe(0);
	});

	it("another partner's token gets 403, a revoked or made-up one 401, without arithmetic", async () => {
		const otherToken = await test.issueToken('SP-9999');
		const arithmetic = countArithmetic();
		const bundle = await signBundle(signer, wrongFigures());
		const foreign = await postBundle(aggregator.url, bundle, { token: otherToken });
		expect(foreign.status).toBe(403);
		expect(await foreign.json()).toMatchObject({
			type: problemType('token-partner-mismatch'),
			field: 'partner.id'
		});
		const madeUp = await postBundle(aggregator.url, bundle, { token: 'pdt_guess' });
		expect(madeUp.status).toBe(401);
		expect(arithmetic()).toBe(0);

		// The registered key with the right figures still gets through: the check is not blanket.
		const fine = await postBundle(aggregator.url, await signBundle(signer, buildPayload()));
		expect(fine.status).toBe(201);
		expect(arithmetic()).toBeGreaterThan(0);
	});
});
