import { normalizeHeader, type ColumnMapping } from './column-mapping';

/** A mapping the user made once, saved per source and found again by the file's header. */
export type MappingPreset = {
	/** Where the files come from, e.g. `omnissa-commerce-portal`. */
	source: string;
	/** `headerSignature` of the header the mapping was made for. */
	headerSignature: string;
	mapping: ColumnMapping;
};

/** The normalised header cells, joined: equal for the same export layout, whatever the case. */
export function headerSignature({ header }: { header: readonly string[] }): string {
	return header.map(normalizeHeader).join('|');
}

/** The preset made for exactly this header layout, if any. */
export function findMappingPreset({
	header,
	presets
}: {
	header: readonly string[];
	presets: readonly MappingPreset[];
}): MappingPreset | undefined {
	const signature = headerSignature({ header });
	return presets.find((preset) => preset.headerSignature === signature);
}

/** Saves a mapping for the header it was made for. */
export function createMappingPreset({
	source,
	header,
	mapping
}: {
	source: string;
	header: readonly string[];
	mapping: ColumnMapping;
}): MappingPreset {
	return { source, headerSignature: headerSignature({ header }), mapping };
}
