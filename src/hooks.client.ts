// SvelteKit loads this before any route, so zod is set to jitless before the first schema is
// built. Imported from the root layout instead, the bundler may run the call after the shared
// chunks that build schemas: zod then probes `new Function`, which the Content Security Policy
// refuses and reports as a violation (tests/e2e/csp.e2e.ts).
import '$lib/domain/zod-config';
