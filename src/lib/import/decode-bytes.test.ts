import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode-bytes';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeBytes', () => {
	it('reads UTF-8 without a BOM', () => {
		expect(decodeBytes({ bytes: utf8('Währung;€') })).toEqual({
			text: 'Währung;€',
			encoding: 'utf-8',
			bom: false
		});
	});

	it('reads UTF-8 with a BOM and leaves the BOM out of the text', () => {
		const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Zeitraum;Währung')]);
		expect(decodeBytes({ bytes })).toEqual({
			text: 'Zeitraum;Währung',
			encoding: 'utf-8',
			bom: true
		});
	});

	it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
		const bytes = Uint8Array.from([0x47, 0x65, 0x72, 0xe4, 0x74, 0x3b, 0x80]);
		expect(decodeBytes({ bytes })).toEqual({
			text: 'Gerät;€',
			encoding: 'windows-1252',
			bom: false
		});
	});

	it('reads UTF-16LE when its BOM says so', () => {
		const bytes = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0xe4, 0x00]);
		expect(decodeBytes({ bytes })).toEqual({ text: 'Aä', encoding: 'utf-16le', bom: true });
	});

	it('reads no bytes as empty UTF-8', () => {
		expect(decodeBytes({ bytes: new Uint8Array(0) })).toEqual({
			text: '',
			encoding: 'utf-8',
			bom: false
		});
	});
});
