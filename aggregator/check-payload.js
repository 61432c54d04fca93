import { lineTotal, sameAmount, sumAmounts } from './decimal.js';
import { PayloadSchema } from './payload-schema.js';
import { problem } from './problem.js';

/**
 * @typedef {import('./payload-schema.js').Payload} Payload
 * @typedef {import('./problem.js').Problem} Problem
 */

/** Problem bodies list at most this many field errors: enough to fix a signer, bounded in size. */
const MAX_ERRORS = 20;

/**
 * A zod path as people write it: `lines[2].total`.
 * @param {ReadonlyArray<PropertyKey>} path
 */
export function fieldName(path) {
	return path
		.map((part, index) =>
			typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`
		)
		.join('');
}

/**
 * Checks a parsed payload against DESIGN.md: the fields and their formats, then the figures.
 * @param {unknown} value the payload as JSON.parse returned it
 * @returns {{ ok: true, payload: Payload } | { ok: false, problem: Problem }}
 */
export function checkPayload(value) {
	const parsed = parsePayload(value);
	if (!parsed.ok) return parsed;
	const figures = checkFigures(parsed.payload);
	return figures ?? parsed;
}

/**
 * The fields and their formats, without arithmetic: every string and decimal is bounded here, so
 * this is cheap whatever the sender wrote, and may run before the sender is known.
 * @param {unknown} value the payload as JSON.parse returned it
 * @returns {{ ok: true, payload: Payload } | { ok: false, problem: Problem }}
 */
export function parsePayload(value) {
	const parsed = PayloadSchema.safeParse(value);
	if (!parsed.success) {
		const errors = parsed.error.issues.slice(0, MAX_ERRORS).map((issue) => {
			const field =
				issue.code === 'unrecognized_keys'
					? fieldName([...issue.path, issue.keys[0]])
					: fieldName(issue.path);
			const message =
				issue.code === 'unrecognized_keys'
					? `not a field of the protocol (DESIGN.md "Signed report bundles")`
					: issue.message;
			return { field: field || '(payload)', detail: message };
		});
		const [first] = errors;
		return {
			ok: false,
			problem: problem('invalid-payload', `${first.field}: ${first.detail}`, {
				field: first.field,
				errors
			})
		};
	}
	return { ok: true, payload: parsed.data };
}

/**
 * The figures, in exact decimals: each line total = quantity x unit price half-even to 2 places,
 * totals.amount = their sum, and a zero-usage report totals zero. Runs only on a payload
 * parsePayload bounded, and only after the sender's token and key passed.
 * @param {Payload} payload
 * @returns {{ ok: false, problem: Problem } | undefined}
 */
export function checkFigures(payload) {
	for (const [index, line] of payload.lines.entries()) {
		const expected = lineTotal(line.quantity, line.unitPrice);
		if (!sameAmount(line.total, expected)) {
			const field = `lines[${index}].total`;
			return {
				ok: false,
				problem: problem(
					'line-total-mismatch',
					`${field} is ${line.total}, but quantity ${line.quantity} x unit price ${line.unitPrice} rounded half-even to 2 places is ${expected}`,
					{ field, value: line.total, expected }
				)
			};
		}
	}

	const expected = sumAmounts(payload.lines.map((line) => line.total));
	if (!sameAmount(payload.totals.amount, expected)) {
		return {
			ok: false,
			problem: problem(
				'totals-mismatch',
				`totals.amount is ${payload.totals.amount}, but the ${payload.lines.length} line totals sum to ${expected}`,
				{ field: 'totals.amount', value: payload.totals.amount, expected }
			)
		};
	}
	if (payload.kind === 'zero-usage' && !sameAmount(payload.totals.amount, '0')) {
		return {
			ok: false,
			problem: problem(
				'totals-mismatch',
				`totals.amount is ${payload.totals.amount}, but a zero-usage report totals 0.00`,
				{ field: 'totals.amount', value: payload.totals.amount, expected: '0.00' }
			)
		};
	}
	return undefined;
}
