import { describe, expect, it } from 'vitest';
import { completeUtf8Length, createChunkDecoder } from './chunk-decoder';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1252 for Latin-1 text plus the euro sign, as a German Excel writes it. */
function windows1252(text: string): Uint8Array {
	return Uint8Array.from(text, (char) => (char === '€' ? 0x80 : (char.codePointAt(0) ?? 0)));
}

function decodeInChunks(bytes: Uint8Array, cuts: number[]) {
	const decoder = createChunkDecoder();
	let text = '';
	let start = 0;
	for (const cut of [...cuts, bytes.length]) {
		text += decoder.decode(bytes.subarray(start, cut));
		start = cut;
	}
	text += decoder.flush();
	return { text, encoding: decoder.encoding, bom: decoder.bom, lossy: decoder.lossy };
}

// 2-, 3- and 4-byte UTF-8 sequences, at the start, in the middle and at the end.
const SAMPLE = 'ä;Gerät;12,00 €;Währung 😀;Hüttner;ö';

describe('createChunkDecoder', () => {
	it('decodes UTF-8 split at every byte position', () => {
		const bytes = utf8(SAMPLE);
		for (let cut = 0; cut <= bytes.length; cut++) {
			expect(decodeInChunks(bytes, [cut])).toEqual({
				text: SAMPLE,
				encoding: 'utf-8',
				bom: false,
				lossy: false
			});
		}
	});

	it('decodes UTF-8 split at every pair of positions (three chunks)', () => {
		const bytes = utf8(SAMPLE);
		for (let a = 0; a <= bytes.length; a++) {
			for (let b = a; b <= bytes.length; b++) {
				const result = decodeInChunks(bytes, [a, b]);
				expect(result.text).toBe(SAMPLE);
				expect(result.encoding).toBe('utf-8');
			}
		}
	});

	it('decodes UTF-8 fed one byte at a time, with a BOM', () => {
		const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]);
		const cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
		expect(decodeInChunks(bytes, cuts)).toEqual({
			text: SAMPLE,
			encoding: 'utf-8',
			bom: true,
			lossy: false
		});
	});

	it('decodes Windows-1252 split at every position, umlauts and euro intact', () => {
		const text = 'Bäckerei Hüttner KG;Gerät;2,78 €;Größe';
		const bytes = windows1252(text);
		for (let cut = 0; cut <= bytes.length; cut++) {
			expect(decodeInChunks(bytes, [cut])).toEqual({
				text,
				encoding: 'windows-1252',
				bom: false,
				lossy: false
			});
		}
	});

	it('does not take a Windows-1252 byte at a chunk end for a cut UTF-8 sequence', () => {
		// 0xE4 (ä) could open a 3-byte UTF-8 sequence; the next chunk shows it does not.
		const bytes = windows1252('Kunde;Bä;x');
		const cut = bytes.indexOf(0xe4) + 1;
		expect(decodeInChunks(bytes, [cut])).toMatchObject({
			text: 'Kunde;Bä;x',
			encoding: 'windows-1252'
		});
	});

	it('stays undecided through ASCII and decides on the first non-ASCII chunk', () => {
		const decoder = createChunkDecoder();
		expect(decoder.decode(utf8('SID;Menge\r\n'))).toBe('SID;Menge\r\n');
		expect(decoder.encoding).toBeUndefined();
		expect(decoder.decode(windows1252('Gerät;1\r\n'))).toBe('Gerät;1\r\n');
		expect(decoder.encoding).toBe('windows-1252');
		expect(decoder.flush()).toBe('');
	});

	it('calls a pure ASCII file UTF-8', () => {
		expect(decodeInChunks(utf8('a;b\n'), [2])).toEqual({
			text: 'a;b\n',
			encoding: 'utf-8',
			bom: false,
			lossy: false
		});
	});

	it('takes a lone lead byte at the very end of a file for Windows-1252', () => {
		expect(decodeInChunks(Uint8Array.from([0x41, 0xc3]), [1])).toMatchObject({
			text: 'AÃ',
			encoding: 'windows-1252'
		});
	});

	it('flags bytes that are not UTF-8 after UTF-8 was decided', () => {
		const bytes = Uint8Array.from([...utf8('ä;'), 0xe4, 0x3b]);
		expect(decodeInChunks(bytes, [3])).toEqual({
			text: 'ä;\uFFFD;',
			encoding: 'utf-8',
			bom: false,
			lossy: true
		});
	});

	it('reads UTF-16 with a byte order mark, split inside a code unit', () => {
		const text = 'SID;Währung';
		const le = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])]);
		const be = Uint8Array.from([0xfe, 0xff, ...[...text].flatMap((c) => [0, c.charCodeAt(0)])]);
		expect(decodeInChunks(le, [1, 4])).toEqual({
			text,
			encoding: 'utf-16le',
			bom: true,
			lossy: false
		});
		expect(decodeInChunks(be, [1, 5])).toEqual({
			text,
			encoding: 'utf-16be',
			bom: true,
			lossy: false
		});
	});
});

describe('completeUtf8Length', () => {
	it('holds back a sequence its lead byte says is not finished', () => {
		expect(completeUtf8Length(utf8('ab'))).toBe(2);
		expect(completeUtf8Length(utf8('aä').subarray(0, 2))).toBe(1);
		expect(completeUtf8Length(utf8('a€').subarray(0, 3))).toBe(1);
		expect(completeUtf8Length(utf8('a😀').subarray(0, 4))).toBe(1);
		expect(completeUtf8Length(utf8('a😀'))).toBe(5);
		expect(completeUtf8Length(new Uint8Array(0))).toBe(0);
	});
});
