import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every route is rendered in the browser from 200.html,
		// which the service worker precaches, so unvisited routes load offline.
		adapter: adapter({ fallback: '200.html' })
	}
};

export default config;
