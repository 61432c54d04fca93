// `npm start` (after the build): the app on http://127.0.0.1:4173/ and, beside it, the reference
// aggregator in demo mode on http://127.0.0.1:8787, which registers a partner's key on its first
// bundle (trust on first use; a real aggregator registers keys with `npm run aggregator -- keys
// add`). Enter http://127.0.0.1:8787 as the aggregator's endpoint in Settings to deliver to it.
import { startAggregator } from '../aggregator/server.js';
import { serveStatic } from './serve.js';

const app = await serveStatic({ dir: 'build', port: Number(process.env.PORT ?? 4173) });
const aggregator = await startAggregator({
	port: Number(process.env.AGGREGATOR_PORT ?? 8787),
	dataDir: 'aggregator-data',
	demo: true,
	log: (line) => console.log(`aggregator: ${line}`)
});
const { port } = /** @type {import('node:net').AddressInfo} */ (app.address());
console.log(`Partner Desk:          http://127.0.0.1:${port}/`);
console.log(`Demo aggregator (TOFU): ${aggregator.url}  (data in ${aggregator.dataDir})`);

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, async () => {
		app.close();
		await aggregator.close();
		process.exit(0);
	});
}
