// A single-page app: pages render in the browser from the precached 200.html,
// read IndexedDB, and never need a server.
export const ssr = false;
export const prerender = false;
