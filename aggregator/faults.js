/**
 * Failure injection for tests of the sender: the outbox must survive 5xx answers, connections
 * that drop before the bundle is stored, and receipts lost after it is stored (DESIGN.md: "a send
 * never loses or duplicates a bundle"). Each fault fires for the first N events of its stage, then
 * with a probability drawn from a seeded PRNG, so a stress run repeats exactly with its seed.
 */

/**
 * @typedef {object} FaultOptions
 * @property {number} [failFirst] answer the first N POST /bundles with 503
 * @property {number} [dropFirst] destroy the connection, before storing, for the first N new bundles
 * @property {number} [loseReceiptFirst] store, then destroy the connection, for the first N new bundles
 * @property {number} [failRate] after those: probability of a 503
 * @property {number} [dropRate] probability of a drop before storing
 * @property {number} [loseReceiptRate] probability of a lost receipt
 * @property {number} [seed] PRNG seed for the rates (default 1)
 */

/** @typedef {{ failed: number, dropped: number, receiptsLost: number }} FaultCounts */

/**
 * mulberry32: a small, well-mixed 32-bit PRNG; Math.random cannot be seeded.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function seededRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * @param {number} first
 * @param {number} rate
 * @param {() => number} random
 * @returns {() => boolean} called once per event of the stage
 */
function stage(first, rate, random) {
	let events = 0;
	return () => {
		events += 1;
		if (events <= first) return true;
		return rate > 0 && random() < rate;
	};
}

/**
 * @param {FaultOptions} [options]
 */
export function createFaults(options = {}) {
	const seed = options.seed ?? 1;
	// One PRNG stream per stage: whether the 7th request fails does not depend on how many
	// bundles happened to reach the store before it.
	const fail = stage(options.failFirst ?? 0, options.failRate ?? 0, seededRandom(seed));
	const drop = stage(options.dropFirst ?? 0, options.dropRate ?? 0, seededRandom(seed + 1));
	const lose = stage(
		options.loseReceiptFirst ?? 0,
		options.loseReceiptRate ?? 0,
		seededRandom(seed + 2)
	);
	/** @type {FaultCounts} */
	const counts = { failed: 0, dropped: 0, receiptsLost: 0 };

	return {
		/** At the start of every POST /bundles: answer 503? */
		failNow() {
			const yes = fail();
			if (yes) counts.failed += 1;
			return yes;
		},
		/** Just before a new bundle would be stored: drop the connection instead? */
		dropNow() {
			const yes = drop();
			if (yes) counts.dropped += 1;
			return yes;
		},
		/** Just after a new bundle was stored: drop the connection instead of the receipt? */
		loseReceiptNow() {
			const yes = lose();
			if (yes) counts.receiptsLost += 1;
			return yes;
		},
		/** @returns {FaultCounts} how often each fault fired so far */
		counts() {
			return { ...counts };
		}
	};
}

/** @typedef {ReturnType<typeof createFaults>} Faults */
