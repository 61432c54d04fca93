/** The e2e host's port; E2E_PORT lets two checkouts run their end-to-end tests side by side. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4174);
