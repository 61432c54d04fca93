import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256sums, writeEvidencePack, type PackFile } from './evidence-pack';

const createdAt = new Date('2026-11-20T09:00:00Z');

async function packOf(files: PackFile[]) {
	const out: Uint8Array[] = [];
	const manifest = await writeEvidencePack({
		files,
		createdAt,
		scope: { programId: 'omnissa-sp', periods: ['2026-10'] },
		auditHead: 'ab'.repeat(32),
		sink: async (chunk) => {
			// An async sink: the writer waits for each piece (a WritableStream's backpressure).
			await Promise.resolve();
			out.push(chunk);
		}
	});
	const zip = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
	let offset = 0;
	for (const chunk of out) {
		zip.set(chunk, offset);
		offset += chunk.length;
	}
	return { manifest, files: unzipSync(zip), pieces: out.length };
}

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('writeEvidencePack', () => {
	it('streams every file into the ZIP with its SHA-256 in the manifest and SHA256SUMS', async () => {
		const csvLines = Array.from(
			{ length: 5000 },
			(_, i) => `SID-${i};Bäckerei Hüttner KG;3;12,35\r\n`
		);
		const { manifest, files, pieces } = await packOf([
			{ path: 'README.md', content: () => ['# Nachweispaket\n'] },
			{
				path: 'reports/omnissa-sp/2026-10/r1-regular.csv',
				// Fed 1,000 lines at a time, as the store reads its chunks.
				content: function* () {
					for (let i = 0; i < csvLines.length; i += 1000)
						yield csvLines.slice(i, i + 1000).join('');
				}
			},
			{ path: 'bundles/2026-10/x.jws.json', content: () => [new Uint8Array([123, 125])] }
		]);
		expect(Object.keys(files).sort()).toEqual([
			'README.md',
			'SHA256SUMS',
			'bundles/2026-10/x.jws.json',
			'manifest.json',
			'reports/omnissa-sp/2026-10/r1-regular.csv'
		]);
		expect(pieces).toBeGreaterThan(3);
		const csv = csvLines.join('');
		expect(strFromU8(files['reports/omnissa-sp/2026-10/r1-regular.csv'])).toBe(csv);
		expect(manifest.files).toEqual([
			{ path: 'README.md', bytes: 16, sha256: sha('# Nachweispaket\n') },
			{
				path: 'reports/omnissa-sp/2026-10/r1-regular.csv',
				bytes: Buffer.byteLength(csv),
				sha256: sha(csv)
			},
			{ path: 'bundles/2026-10/x.jws.json', bytes: 2, sha256: sha('{}') }
		]);
		expect(JSON.parse(strFromU8(files['manifest.json']))).toEqual({
			format: 'partner-desk-evidence-pack',
			formatVersion: 1,
			createdAt: '2026-11-20T09:00:00.000Z',
			scope: { programId: 'omnissa-sp', periods: ['2026-10'] },
			auditHead: 'ab'.repeat(32),
			files: manifest.files
		});
		// sha256sum -c reads "<hex>  <path>" lines; it checks manifest.json too.
		const manifestJson = files['manifest.json'];
		expect(strFromU8(files['SHA256SUMS'])).toBe(
			sha256sums([
				...manifest.files,
				{ path: 'manifest.json', bytes: manifestJson.length, sha256: sha(manifestJson) }
			])
		);
		expect(strFromU8(files['SHA256SUMS']).split('\n')[0]).toBe(
			`${sha('# Nachweispaket\n')}  README.md`
		);
		for (const file of manifest.files) expect(sha(files[file.path]), file.path).toBe(file.sha256);
	});

	it('refuses a path twice or one that climbs out of the folder', async () => {
		await expect(
			packOf([
				{ path: 'a.txt', content: () => ['1'] },
				{ path: 'a.txt', content: () => ['2'] }
			])
		).rejects.toThrow('evidence pack path a.txt');
		await expect(packOf([{ path: '../etc/passwd', content: () => ['x'] }])).rejects.toThrow();
	});
});
