/**
 * The store refused a step because the records are not (or no longer) in the state it needs:
 * another tab sent the bundle, the report was marked ready meanwhile, the program was left.
 * Expected, not a bug: it carries a code that src/lib/ui/problem-text.ts turns into a sentence
 * (`error.store.<code>` in both languages), never prose shown as "unexpected error".
 */
export const STORE_REFUSAL_CODES = [
	'not-a-draft',
	'no-left-out-rows',
	'not-enrolled',
	'bundle-missing',
	'bundle-not-waiting',
	'bundle-not-failed',
	'bundle-not-withdrawable',
	'not-a-chain-gap',
	'chain-already-sent',
	'revision-missing',
	'aggregator-missing',
	'revision-not-ready'
] as const;
export type StoreRefusalCode = (typeof STORE_REFUSAL_CODES)[number];

export class StoreRefused extends Error {
	constructor(
		readonly code: StoreRefusalCode,
		/** Which record and why, for the log; the sentence the user reads comes from the code. */
		detail: string
	) {
		super(detail);
		this.name = 'StoreRefused';
	}
}
