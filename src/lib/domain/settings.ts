import { z } from 'zod';
import { programIdSchema } from './programs';

/** The languages every visible text exists in. */
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

function isCurrency(code: string): boolean {
	return Intl.supportedValuesOf('currency').includes(code);
}

function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/**
 * Error codes are messages keys (src/lib/i18n): the schema says what is wrong,
 * the message table says it in the user's language.
 */
export const ProfileSchema = z.object({
	companyName: z.string().trim().min(1, 'required').max(200, 'too-long'),
	partnerIds: z.partialRecord(
		programIdSchema,
		z
			.string()
			.trim()
			.max(64, 'too-long')
			.regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'partner-id-format')
	),
	currency: z
		.string()
		.regex(/^[A-Z]{3}$/, 'currency-format')
		.refine(isCurrency, 'currency-unknown'),
	timeZone: z.string().min(1, 'required').refine(isTimeZone, 'time-zone-unknown'),
	language: z.enum(LANGUAGES)
});
export type Profile = z.infer<typeof ProfileSchema>;

export const EnrollmentSchema = z.object({
	programId: programIdSchema,
	enrolledAt: z.iso.datetime(),
	/** The partner's values for program pack parameters; checked by the pack's schema on use. */
	packOverrides: z.record(z.string(), z.unknown()).optional()
});
export type Enrollment = z.infer<typeof EnrollmentSchema>;

export const AggregatorSchema = z.object({
	id: z
		.string()
		.trim()
		.min(1, 'required')
		.max(64, 'too-long')
		.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'aggregator-id-format'),
	name: z.string().trim().min(1, 'required').max(200, 'too-long'),
	/** Where bundles go (`{endpoint}/bundles`); none until the partner has it. */
	endpoint: z
		.string()
		.trim()
		.max(2000, 'too-long')
		.refine(isEndpoint, 'endpoint-format')
		.transform((url) => url.replace(/\/+$/, ''))
		.optional(),
	/** The bearer token the aggregator gave the partner, if it asks for one. */
	token: z.string().trim().max(4000, 'too-long').optional()
});
export type Aggregator = z.infer<typeof AggregatorSchema>;

// Not [::1]: a Content Security Policy cannot name an IPv6 address (svelte.config.js), so the
// browser would refuse every request to it.
const LOOPBACK = new Set(['localhost', '127.0.0.1']);

/**
 * An endpoint is https, or http on this machine (the demo aggregator): bundles carry
 * the partner's figures and a bearer token, which must not cross a network in clear.
 */
export function isEndpoint(value: string): boolean {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return false;
	}
	if (url.username || url.password || url.search || url.hash) return false;
	return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

/** A profile for a first run: the browser's language and zone, euros. */
export function defaultProfile(options: { browserLanguage: string; timeZone: string }): Profile {
	return {
		companyName: '',
		partnerIds: {},
		currency: 'EUR',
		timeZone: options.timeZone,
		language: options.browserLanguage.toLowerCase().startsWith('de') ? 'de' : 'en'
	};
}

/** Field errors keyed by dotted path ("partnerIds.omnissa-sp"), first error per field. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const path = issue.path.join('.');
		errors[path] ??=
			issue.code === 'custom' || issue.message.match(/^[a-z-]+$/) ? issue.message : 'invalid';
	}
	return errors;
}
