import { describe, expect, it } from 'vitest';
import { detectDelimiter, readSepLine } from './detect-delimiter';

const GERMAN = [
	'Zeitraum;Service-ID (SID);Kunde;Menge;Einzelpreis (UVP);Gesamt (UVP)',
	'2026-10;SID-4711-HZN-01;Kanzlei am Markt, Steuerberatung PartG mbB;38;24,90;946,20',
	'2026-10;SID-4711-HZN-01;Nordlicht Logistik AG;140;11,20;1.568,00'
].join('\r\n');

const ENGLISH = [
	'Period,Service Identifier (SID),Customer,Quantity,Unit Price (MSRP),Total (MSRP)',
	'2026-09,SID-4711-HZN-01,"Kanzlei am Markt, Steuerberatung PartG mbB",38,24.90,946.20',
	'2026-09,SID-4711-HZN-01,Nordlicht Logistik AG,140,11.20,1568.00'
].join('\n');

describe('detectDelimiter', () => {
	it('picks ; for a German export whose cells hold commas', () => {
		expect(detectDelimiter({ text: GERMAN, newline: '\n' })).toBe(';');
	});

	it('picks , for an English export with a quoted comma', () => {
		expect(detectDelimiter({ text: ENGLISH, newline: '\n' })).toBe(',');
	});

	it('picks tab for a tab-separated export', () => {
		expect(detectDelimiter({ text: 'SID\tMenge\nSID-1\t1,5\nSID-2\t2,5\n', newline: '\n' })).toBe(
			'\t'
		);
	});

	it('reads classic Mac line ends', () => {
		expect(detectDelimiter({ text: GERMAN.replaceAll('\r\n', '\r'), newline: '\r' })).toBe(';');
	});

	it('breaks a tie of consistent rows by the cell count (a;b;c,d is three cells, not two)', () => {
		// Both delimiters split every row the same way; the one that finds more columns wins.
		expect(detectDelimiter({ text: 'a;b;c,d\ne;f;g,h\ni;j;k,l\n', newline: '\n' })).toBe(';');
		expect(detectDelimiter({ text: 'a,b,c;d\ne,f,g;h\ni,j,k;l\n', newline: '\n' })).toBe(',');
	});

	it('prefers the delimiter whose cell count stays the same over one that varies', () => {
		const text = 'a;b;c,d\ne;f;g\nh;i;j,k,l\n';
		expect(detectDelimiter({ text, newline: '\n' })).toBe(';');
	});

	it('finds nothing in a single column', () => {
		expect(detectDelimiter({ text: 'SID\nSID-4711-HZN-01\n', newline: '\n' })).toBeUndefined();
	});
});

describe('readSepLine', () => {
	it("reads Excel's sep= line with its line end", () => {
		expect(readSepLine({ text: 'sep=;\r\nSID;Menge\r\n' })).toEqual({ delimiter: ';', length: 7 });
		expect(readSepLine({ text: 'sep=,\nSID,Menge\n' })).toEqual({ delimiter: ',', length: 6 });
	});

	it('ignores anything else', () => {
		expect(readSepLine({ text: 'SID;Menge\r\n' })).toBeUndefined();
		expect(readSepLine({ text: 'sep=|\nSID|Menge\n' })).toBeUndefined();
	});
});
