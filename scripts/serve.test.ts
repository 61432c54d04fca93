import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, serveStatic } from './serve.js';

const POLICY =
	"default-src 'self'; script-src 'self' 'sha256-abc='; object-src 'none'; base-uri 'none'";
// As SvelteKit writes it into the page (it escapes the quotes).
const PAGE = `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${POLICY.replaceAll("'", '&#39;')}"></head><body></body></html>`;

let dir: string;
let server: Server;
let url: string;

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'serve-test-'));
	await writeFile(join(dir, '200.html'), PAGE);
	await mkdir(join(dir, '_app', 'immutable'), { recursive: true });
	await writeFile(join(dir, '_app', 'immutable', 'app.js'), 'export {};\n');
	server = await serveStatic({ dir, port: 0 });
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
	server.closeAllConnections();
	await new Promise((done) => server.close(done));
	await rm(dir, { recursive: true, force: true });
});

describe('serveStatic', () => {
	it('sends the security headers, with the meta policy of the build as the CSP header', async () => {
		for (const path of ['/', '/reports/some-id', '/_app/immutable/app.js']) {
			const response = await fetch(`${url}${path}`);
			expect(response.status, path).toBe(200);
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
			expect(response.headers.get('x-frame-options'), path).toBe('DENY');
			expect(response.headers.get('content-security-policy'), path).toBe(
				`${POLICY}; frame-ancestors 'none'`
			);
		}
		const script = await fetch(`${url}/_app/immutable/app.js`);
		expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
		expect(await script.text()).toBe('export {};\n');
	});

	// /proc/self/mem can be opened but not read at offset 0 (EIO): a real read error.
	it.runIf(process.platform === 'linux')(
		'answers 500 for a file it cannot read and keeps serving',
		async () => {
			await symlink('/proc/self/mem', join(dir, 'unreadable.js'));
			const failed = await fetch(`${url}/unreadable.js`);
			expect(failed.status).toBe(500);
			expect(await failed.text()).toBe('The file could not be read.\n');
			expect(failed.headers.get('x-content-type-options')).toBe('nosniff');

			const next = await fetch(`${url}/`);
			expect(next.status).toBe(200);
			expect(await next.text()).toBe(PAGE);
		}
	);

	it('answers 400 for a path that is not valid percent-encoding', async () => {
		const response = await fetch(`${url}/%E0%A4%A`);
		expect(response.status).toBe(400);
		expect((await fetch(`${url}/`)).status).toBe(200);
	});

	it('prints the policy for another host, and none for a build without a meta policy', async () => {
		expect(await contentSecurityPolicy(dir)).toBe(`${POLICY}; frame-ancestors 'none'`);
		await writeFile(join(dir, '200.html'), '<!doctype html><title>x</title>');
		expect(await contentSecurityPolicy(dir)).toBeUndefined();
		const response = await fetch(`${url}/`);
		expect(response.headers.get('content-security-policy')).toBeNull();
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});
});
