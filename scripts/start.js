// `npm start` (after the build): the app on http://127.0.0.1:4173/ and, beside it, the reference
// aggregator in demo mode on http://127.0.0.1:8787, which registers a partner's first key with its
// first bundle (trust on first use; a real aggregator registers keys with `npm run aggregator --
// keys add`). Only the app's own pages may call it (CORS), so another page the partner opens
// cannot post as them. Enter http://127.0.0.1:8787 as the aggregator's endpoint in Settings.
import { startAggregator } from '../aggregator/server.js';
import { serveStatic } from './serve.js';

const app = await serveStatic({ dir: 'build', port: Number(process.env.PORT ?? 4173) });
const { port } = /** @type {import('node:net').AddressInfo} */ (app.address());
const appOrigin = `http://127.0.0.1:${port}`;
const aggregator = await startAggregator({
	port: Number(process.env.AGGREGATOR_PORT ?? 8787),
	dataDir: 'aggregator-data',
	demo: true,
	allowOrigins: [appOrigin, `http://localhost:${port}`],
	log: (line) => console.log(`aggregator: ${line}`)
});
console.log(`Partner Desk:          ${appOrigin}/`);
console.log(`Demo aggregator (TOFU): ${aggregator.url}  (data in ${aggregator.dataDir})`);

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, async () => {
		app.close();
		await aggregator.close();
		process.exit(0);
	});
}
