/**
 * The one SID pattern of the code base. Exports write service ids in more than one shape
 * (`SID-4711-HZN-01`, `HZN-DAAS-NU`, lower-case or dotted ids), so the built-in default expects
 * no shape: any non-empty id without white space or control characters. It is the importer's
 * own check (a cell with a space is no id) and the Omnissa pack's default `sidPattern`, which a
 * partner narrows to its export's shape; a SID outside that shape is then a warning, never a
 * dropped row.
 */
export const ANY_SID_PATTERN = '[^\\s\\p{Cc}]+';

/** A pack's pattern source, matched against the whole SID (anchored here, Unicode mode). */
export function compileSidPattern(source: string): RegExp {
	return new RegExp(`^(?:${source})$`, 'u');
}
