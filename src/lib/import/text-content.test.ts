import { describe, expect, it } from 'vitest';
import { binaryKind, findContentProblem } from './text-content';

describe('findContentProblem', () => {
	it('calls a file of white space empty', () => {
		expect(findContentProblem({ text: '' })).toBe('empty-file');
		expect(findContentProblem({ text: ' \r\n\t\n' })).toBe('empty-file');
	});

	it('calls a file with a NUL character binary', () => {
		expect(findContentProblem({ text: 'PK\u0003\u0004\u0014\u0000' })).toBe('binary-file');
	});

	it('calls a file with many control characters binary', () => {
		const text = 'a'.repeat(90) + '\u0001'.repeat(10);
		expect(findContentProblem({ text })).toBe('binary-file');
	});

	it('accepts text with tabs, line ends and a stray control character', () => {
		const text = 'SID\tMenge\r\nSID-4711-HZN-01\t3\u001a\n'.repeat(5);
		expect(findContentProblem({ text })).toBeUndefined();
	});

	it('tells a PDF from a workbook, so the message never calls a PDF an Excel workbook', () => {
		expect(binaryKind({ text: '%PDF-1.7\n%\u00e2\u00e3' })).toBe('pdf');
		expect(binaryKind({ text: 'PK\u0003\u0004\u0014\u0000' })).toBe('zip');
		expect(binaryKind({ text: '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1' })).toBe('ole');
		expect(binaryKind({ text: 'Period;SID' })).toBeUndefined();
	});
});
