import adapter from '@sveltejs/adapter-static';
import { createHash } from 'node:crypto';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The Content Security Policy every built page carries as a `<meta>` (DESIGN.md "Data
 * safety"); scripts/serve.js sends the same policy as a header. A static host can give only
 * this build-time policy, so it cannot name the aggregator endpoints a partner adds later:
 * `connect-src` allows any https origin plus http on this machine (the demo aggregator),
 * which is exactly what `isEndpoint` in src/lib/domain/settings.ts accepts.
 *
 * - Scripts by hash: SvelteKit adds the sha256 of its inline bootstrap script; no
 *   'unsafe-inline', no 'unsafe-eval' (zod runs jitless, src/lib/domain/zod-config.ts).
 * - Styles from 'self' only, no 'unsafe-inline': the build emits CSS files, Svelte 5 sets
 *   `style:` directives and transitions through the CSSOM (which CSP does not govern), and
 *   src/app.html carries no style attribute. The one style attribute left is SvelteKit's
 *   own route announcer; `style-src-attr` allows exactly that text by hash ('unsafe-hashes'
 *   is what lets a hash match an attribute), nothing else. The CSP e2e test
 *   (tests/e2e/csp.e2e.ts) fails on any violation, so a SvelteKit that changes it is seen.
 * - `frame-ancestors` is ignored in a `<meta>`: serve.js adds it to the header.
 */
/** The style attribute of SvelteKit's route announcer (@sveltejs/kit, core/sync/write_root.js). */
const ANNOUNCER_STYLE =
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';

/** @param {string} text */
const sha256 = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self'],
	'style-src-attr': ['unsafe-hashes', sha256(ANNOUNCER_STYLE)],
	'img-src': ['self', 'data:'],
	'font-src': ['self'],
	// CSP has no syntax for an IPv6 address: http://[::1] is refused by isEndpoint instead.
	'connect-src': ['self', 'https:', 'http://127.0.0.1:*', 'http://localhost:*'],
	'worker-src': ['self'],
	'manifest-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['none'],
	'form-action': ['self']
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every route is rendered in the browser from 200.html,
		// which the service worker precaches, so unvisited routes load offline.
		adapter: adapter({ fallback: '200.html' }),
		csp: { mode: 'hash', directives: CSP_DIRECTIVES }
	}
};

export default config;
