import { loadMessages } from '$lib/i18n/translate';

// Tests render and translate in both languages; the app loads one when it is first used.
await loadMessages('en');
await loadMessages('de');
