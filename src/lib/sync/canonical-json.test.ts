import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalText, utf8Bytes } from './canonical-json';

const hex = (bytes: Uint8Array) =>
	[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');

/** A double from its IEEE 754 bits, as RFC 8785 Appendix B writes them. */
function double(bits: string): number {
	const view = new DataView(new ArrayBuffer(8));
	view.setBigUint64(0, BigInt(`0x${bits}`));
	return view.getFloat64(0);
}

describe('canonicalJson (RFC 8785)', () => {
	it('writes the section 3.2.2 sample as the section 3.2.4 UTF-8 bytes', () => {
		// The RFC's input text, escapes and all; JSON.parse reads it as a receiver would.
		const input = JSON.parse(String.raw`{
  "numbers": [333333333.33333329, 1E30, 4.50,
              2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
}`);
		expect(canonicalText(input)).toBe(
			String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`
		);
		expect(hex(canonicalJson(input))).toBe(
			[
				'7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72',
				'75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a',
				'5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31',
				'65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37',
				'5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30',
				'30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d'
			].join(' ')
		);
	});

	it('sorts members by UTF-16 code units (section 3.2.3 sample)', () => {
		const input = JSON.parse(String.raw`{
  "\u20ac": "Euro Sign",
  "\r": "Carriage Return",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One",
  "\ud83d\ude00": "Emoji: Grinning Face",
  "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
}`);
		const text = canonicalText(input);
		// Not Object.keys(JSON.parse(text)): JavaScript lists the integer-like key "1" first.
		const order = [
			'"\\r"',
			'"1"',
			'"\u0080"',
			'"\u00f6"',
			'"\u20ac"',
			'"\ud83d\ude00"',
			'"\ufb33"'
		];
		const positions = order.map((key) => text.indexOf(key));
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
		expect(positions).not.toContain(-1);
		// Non-ASCII is written as UTF-8, never escaped; the control character \r is escaped.
		expect(text).toBe(
			'{"\\r":"Carriage Return","1":"One","\u0080":"Control",' +
				'"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
				'"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}'
		);
		expect(hex(canonicalJson({ '\u0080': 'x' }))).toBe('7b 22 c2 80 22 3a 22 78 22 7d');
	});

	it.each([
		['0000000000000000', '0'],
		['8000000000000000', '0'],
		['0000000000000001', '5e-324'],
		['8000000000000001', '-5e-324'],
		['7fefffffffffffff', '1.7976931348623157e+308'],
		['ffefffffffffffff', '-1.7976931348623157e+308'],
		['4340000000000000', '9007199254740992'],
		['c340000000000000', '-9007199254740992'],
		['4430000000000000', '295147905179352830000'],
		['44b52d02c7e14af5', '9.999999999999997e+22'],
		['44b52d02c7e14af6', '1e+23'],
		['44b52d02c7e14af7', '1.0000000000000001e+23'],
		['444b1ae4d6e2ef4e', '999999999999999700000'],
		['444b1ae4d6e2ef4f', '999999999999999900000'],
		['444b1ae4d6e2ef50', '1e+21'],
		['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
		['3eb0c6f7a0b5ed8d', '0.000001'],
		['41b3de4355555553', '333333333.3333332'],
		['41b3de4355555554', '333333333.33333325'],
		['41b3de4355555555', '333333333.3333333'],
		['41b3de4355555556', '333333333.3333334'],
		['41b3de4355555557', '333333333.33333343'],
		['becbf647612f3696', '-0.0000033333333333333333'],
		['43143ff3c1cb0959', '1424953923781206.2']
	])('writes the Appendix B double %s as %s', (bits, expected) => {
		expect(canonicalText([double(bits)])).toBe(`[${expected}]`);
	});

	it.each([
		['7fffffffffffffff', 'NaN'],
		['7ff0000000000000', 'Infinity']
	])('refuses the Appendix B double %s (%s): it has no JSON form', (bits) => {
		expect(() => canonicalText({ value: double(bits) })).toThrow(/not allowed/);
	});

	it('refuses a lone surrogate and a value that is not JSON', () => {
		expect(() => canonicalText({ name: 'Hütten\ud800' })).toThrow(/Lone surrogate/);
		expect(() => canonicalText(undefined)).toThrow('canonical JSON of a value that is not JSON');
	});

	it('keeps decimal strings exactly and drops only whitespace and member order', () => {
		const text = canonicalText({
			total: '77220.34',
			quantity: '0.10',
			lines: [{ b: 1, a: '1.480' }]
		});
		expect(text).toBe('{"lines":[{"a":"1.480","b":1}],"quantity":"0.10","total":"77220.34"}');
		expect(canonicalText(JSON.parse(JSON.stringify(JSON.parse(text), null, 2)))).toBe(text);
	});
});

describe('utf8Bytes', () => {
	it('writes what TextEncoder writes, also when most characters take 2, 3 or 4 bytes, and at each length boundary', () => {
		for (const text of [
			'',
			'Bäckerei Hüttner KG',
			'ä'.repeat(100),
			'€'.repeat(100),
			'😀'.repeat(50),
			`${'a'.repeat(1000)}${'€'.repeat(1000)}`,
			'\u007f\u0080\u07ff\u0800\uffff',
			// Lone surrogates (high, low, high at the end): U+FFFD, as TextEncoder writes them.
			'a\ud800b\udc00c\ud83d',
			// The loop's edges around the surrogates, pairs at the ends, and a long run of 4-byte ones.
			'\ud7ff\ue000\ud800\udc00\udbff\udfff',
			'\udc00\ud800',
			`${'x'.repeat(5000)}${'😀'.repeat(3000)}`
		]) {
			expect(utf8Bytes(text)).toEqual(new TextEncoder().encode(text));
		}
	});

	it('writes what TextEncoder writes for any mix of code units (seeded, 2,000 strings)', () => {
		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		// Weighted to ASCII, umlauts, the BMP, and surrogates paired or alone.
		const unit = () => {
			const pick = random();
			if (pick < 0.4) return Math.floor(random() * 0x80);
			if (pick < 0.6) return 0x80 + Math.floor(random() * 0x780);
			if (pick < 0.8) return 0x800 + Math.floor(random() * 0xd000);
			return 0xd800 + Math.floor(random() * 0x800);
		};
		for (let n = 0; n < 2000; n++) {
			const text = String.fromCharCode(...Array.from({ length: Math.floor(random() * 12) }, unit));
			expect(utf8Bytes(text)).toEqual(new TextEncoder().encode(text));
		}
	});
});
