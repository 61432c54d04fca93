// Serves the static build the way any static host would for a single-page app:
// files as they are, every unknown path as 200.html (the SPA fallback).
// `vite preview` is not used: it does not serve the service worker as a static
// host does, which offline tests need.
//   node scripts/serve.js [--dir build] [--port 4173] [--host 127.0.0.1]
//   node scripts/serve.js --print-csp [--dir build]   the CSP header value, for nginx & co.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8'
};

/**
 * The Content-Security-Policy header for a build: the policy the build put into 200.html as a
 * `<meta>` (svelte.config.js), so header and meta agree, hashes included, plus
 * `frame-ancestors`, which works only in a header. Undefined for a build without one.
 * `node scripts/serve.js --print-csp` prints it for another host's configuration (README).
 * @param {string} root
 * @returns {Promise<string | undefined>}
 */
export async function contentSecurityPolicy(root) {
	const page = await readFile(join(root, '200.html'), 'utf8').catch(() => '');
	const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(page)?.[1];
	return policy && `${policy.replaceAll('&#39;', "'")}; frame-ancestors 'none'`;
}

/**
 * What a static host should send with every file (README, "Deploying"). Read per request: a
 * new deployment brings new script hashes.
 * @param {string} root
 * @returns {Promise<Record<string, string>>}
 */
async function securityHeaders(root) {
	const policy = await contentSecurityPolicy(root);
	return {
		'X-Content-Type-Options': 'nosniff',
		// Aggregator endpoints are other origins: they learn nothing of the page's path.
		'Referrer-Policy': 'no-referrer',
		'X-Frame-Options': 'DENY',
		...(policy && { 'Content-Security-Policy': policy })
	};
}

/**
 * Starts the server; resolves with it once it listens.
 * @param {{ dir?: string, port?: number, host?: string }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export function serveStatic({ dir = 'build', port = 4173, host = '127.0.0.1' } = {}) {
	const root = resolve(dir);

	/** @param {string} pathname @returns {Promise<string | undefined>} */
	async function fileFor(pathname) {
		const path = normalize(join(root, decodeURIComponent(pathname)));
		if (path !== root && !path.startsWith(root + sep)) return undefined;
		const info = await stat(path).catch(() => undefined);
		if (info?.isFile()) return path;
		if (info?.isDirectory()) return fileFor(join(pathname, 'index.html'));
		return undefined;
	}

	const server = createServer(async (request, response) => {
		let pathname;
		try {
			pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
			decodeURIComponent(pathname);
		} catch {
			return response.writeHead(400).end();
		}
		const headers = await securityHeaders(root);
		try {
			const file = (await fileFor(pathname)) ?? join(root, '200.html');
			// Read whole before the status goes out: a file that cannot be read is a 500, and the
			// server goes on serving (a stream's read error would have ended the process).
			const body = request.method === 'HEAD' ? undefined : await readFile(file);
			const immutable = pathname.startsWith('/_app/immutable/');
			response.writeHead(200, {
				...headers,
				'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
				// The service worker and pages must be revalidated so an update is seen;
				// hashed assets never change.
				'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
			});
			response.end(body);
		} catch (error) {
			console.error(`serve: ${pathname}: ${error instanceof Error ? error.message : error}`);
			response
				.writeHead(500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
				.end('The file could not be read.\n');
		}
	});
	return new Promise((done) => server.listen(port, host, () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({
		options: {
			dir: { type: 'string', default: 'build' },
			port: { type: 'string', default: process.env.PORT ?? '4173' },
			host: { type: 'string', default: '127.0.0.1' },
			'print-csp': { type: 'boolean', default: false }
		}
	});
	if (values['print-csp']) {
		const policy = await contentSecurityPolicy(values.dir);
		if (!policy)
			throw new Error(`${join(values.dir, '200.html')}: no Content-Security-Policy meta`);
		console.log(policy);
		process.exit(0);
	}
	const server = await serveStatic({
		dir: values.dir,
		host: values.host,
		port: Number(values.port)
	});
	const { address, port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	console.log(`Partner Desk: http://${address}:${port}/`);
}
