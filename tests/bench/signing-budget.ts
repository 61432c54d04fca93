/**
 * Signing budgets (DESIGN.md "Performance budgets"), as factors of `canonicalize` plus a raw
 * WebCrypto ECDSA signature over the same bytes, measured in the same run. Decided: jose stays
 * for the JWS, so its overhead is budgeted rather than a home-made serialisation written.
 * README "Performance" states the same numbers; scripts/bench-budgets.test.ts holds them equal.
 */
export const SIGNING_BUDGET = {
	/** canonicalise, then jose's flattened JWS. */
	signPayload: 1.4,
	/** signPayload plus the chain digest: one more SHA-256 over the whole signing input. */
	signBundle: 1.7
} as const;
