/**
 * The system Chromium every test, benchmark and script drives (never a downloaded browser):
 * Debian's `/usr/bin/chromium`, or `CHROMIUM_PATH` where it lives elsewhere.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
