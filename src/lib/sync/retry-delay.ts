/** First retry after about 2 s, doubling up to 5 minutes. */
const BASE_MS = 2_000;
const CAP_MS = 5 * 60_000;

/**
 * Exponential backoff with full jitter: a random wait between half and all of
 * the doubled delay, so many devices that lost the network together do not
 * come back to the aggregator in the same second.
 */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
	const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
