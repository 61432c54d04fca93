/** The README inside an evidence pack, German then English: how to check it with common tools. */
export function evidenceReadme(options: {
	partner: string;
	scope: string;
	createdAt: string;
}): string {
	const { partner, scope, createdAt } = options;
	return `# Nachweispaket / Evidence pack

${partner} · ${scope} · ${createdAt}

## Deutsch

Dieses Paket enthält die Aufzeichnungen von Partner Desk für den genannten Prüfungszeitraum.

- \`reports/\`: die Monatsberichte als CSV (Zellen, die eine Tabellenkalkulation als Formel
  ausführen würde, beginnen mit \`'\`), je Bericht die Befunde mit Bestätigungen und die
  ausgeschlossenen Zeilen mit Grund (\`*-findings.json\`).
- \`bundles/\`: die signierten Berichte (JWS, RFC 7515, JSON-Serialisierung) genau so, wie sie an
  den Aggregator gesendet wurden; \`receipts/\`: dessen Empfangsbestätigungen, wie gespeichert.
- \`audit-log/\`: der Auszug des Prüfprotokolls (\`slice.jsonl\`, \`slice.csv\`) und die
  ununterbrochene Kette vom ersten Eintrag des Auszugs bis zum neuesten (\`chain.jsonl\`).
- \`keys/device-keys.json\`: die öffentlichen Schlüssel dieses Geräts.
- Vertrags-, Kunden-, Umsatz- und Schulungsunterlagen: eine Datei \`NONE-RECORDED.txt\`, solange
  die App sie nicht führt.
- \`manifest.json\` und \`SHA256SUMS\`: SHA-256 jeder Datei.

**Dateien prüfen:** im entpackten Ordner \`sha256sum -c SHA256SUMS\` (macOS: \`shasum -a 256 -c
SHA256SUMS\`). Jede Zeile muss \`OK\` melden.

**Berichte prüfen:** jede JOSE-Bibliothek prüft eine Datei aus \`bundles/\`. Der geschützte Header
nennt \`alg\` ES256, \`typ\` partner-desk-bundle+jws, den öffentlichen Schlüssel \`jwk\` und dessen
RFC-7638-Fingerabdruck \`kid\`; der Schlüssel muss in \`keys/device-keys.json\` stehen und beim
Aggregator registriert sein. Beispiel mit \`jose\` (Node.js):

    import { flattenedVerify, importJWK, calculateJwkThumbprint } from 'jose';
    const jws = JSON.parse(fs.readFileSync(file, 'utf8'));
    const header = JSON.parse(Buffer.from(jws.protected, 'base64url'));
    if (header.kid !== (await calculateJwkThumbprint(header.jwk))) throw new Error('kid');
    const { payload } = await flattenedVerify(jws, await importJWK(header.jwk, 'ES256'));

Der Digest eines Berichts ist SHA-256 (base64url) über \`protected + "." + payload\`; er steht in
der Empfangsbestätigung und als \`previousDigest\` im nächsten Bericht. \`auditHead\` im Bericht ist
der Hash eines Eintrags in \`audit-log/chain.jsonl\`.

**Prüfprotokoll prüfen:** jeder Eintrag in \`chain.jsonl\` trägt \`hash\` = SHA-256 (hex) seines
JSON nach RFC 8785 (JCS) ohne das Feld \`hash\`, und \`prev\` = \`hash\` des Eintrags davor.

## English

This pack holds Partner Desk's records for the review scope named above.

- \`reports/\`: the monthly reports as CSV (cells a spreadsheet would run as a formula start with
  \`'\`), and per report its findings with acknowledgements and the rows left out with their
  reason (\`*-findings.json\`).
- \`bundles/\`: the signed reports (JWS, RFC 7515, flattened JSON serialization) exactly as they
  were sent to the aggregator; \`receipts/\`: its receipts, as stored.
- \`audit-log/\`: the audit-log slice (\`slice.jsonl\`, \`slice.csv\`) and the unbroken chain from
  the slice's first entry to the newest one (\`chain.jsonl\`).
- \`keys/device-keys.json\`: this device's public keys.
- Contracts, customers, revenue and training: a file \`NONE-RECORDED.txt\` while the app does not
  keep them.
- \`manifest.json\` and \`SHA256SUMS\`: the SHA-256 of every file.

**Check the files:** in the unpacked folder, \`sha256sum -c SHA256SUMS\` (macOS: \`shasum -a 256
-c SHA256SUMS\`). Every line must say \`OK\`.

**Check the reports:** any JOSE library verifies a file of \`bundles/\`. The protected header names
\`alg\` ES256, \`typ\` partner-desk-bundle+jws, the public key \`jwk\` and its RFC 7638 thumbprint
\`kid\`; the key must be in \`keys/device-keys.json\` and registered with the aggregator. With
\`jose\` (Node.js):

    import { flattenedVerify, importJWK, calculateJwkThumbprint } from 'jose';
    const jws = JSON.parse(fs.readFileSync(file, 'utf8'));
    const header = JSON.parse(Buffer.from(jws.protected, 'base64url'));
    if (header.kid !== (await calculateJwkThumbprint(header.jwk))) throw new Error('kid');
    const { payload } = await flattenedVerify(jws, await importJWK(header.jwk, 'ES256'));

A report's digest is SHA-256 (base64url) of \`protected + "." + payload\`; the receipt names it
and the next report carries it as \`previousDigest\`. A report's \`auditHead\` is the hash of an
entry in \`audit-log/chain.jsonl\`.

**Check the audit log:** each entry of \`chain.jsonl\` carries \`hash\` = SHA-256 (hex) of its RFC
8785 (JCS) JSON without the \`hash\` member, and \`prev\` = the \`hash\` of the entry before it.
`;
}
