import type { LocalizedText } from '../../domain/localized-text';
import type { ParameterSource } from '../parameter';
import { parsePack } from '../load-pack';
import type { PackResult } from '../pack-problem';
import builtIn2026 from './genesys-appfoundry-2026.json';
import { genesysPackSchema, type GenesysPack, type Tier } from './pack-schema';
import type { IsoDate } from './iso-date';

export const GENESYS_PACK_ID = 'genesys-appfoundry';

/** How the UI labels every value the seed does not confirm (source `default-to-confirm`). */
export const confirmWithProgramGuide: LocalizedText = {
	de: 'mit dem aktuellen Programmleitfaden bestätigen',
	en: 'confirm with the current program guide'
};

/** The label a parameter carries until the partner confirms it; none for values from the seed. */
export function confirmLabel(parameter: { source: ParameterSource }): LocalizedText | undefined {
	return parameter.source === 'default-to-confirm' ? confirmWithProgramGuide : undefined;
}

/** Validates a Genesys pack (JSON text or a parsed value); problems name the field. */
export function loadGenesysPack(options: { json: unknown }): PackResult<GenesysPack> {
	return parsePack(genesysPackSchema, options.json);
}

/** The packs that ship, one per program year, as raw JSON (they pass `loadGenesysPack`). */
export const builtInGenesysPackJson: readonly unknown[] = [builtIn2026];

/** The built-in packs, validated; a failure is a bug in a shipped file. */
export function builtInGenesysPacks(): GenesysPack[] {
	return builtInGenesysPackJson.map((json) => {
		const result = loadGenesysPack({ json });
		if (!result.ok) throw new Error(`built-in genesys pack is invalid: ${JSON.stringify(result)}`);
		return result.value;
	});
}

function versionParts(version: string): number[] {
	return version
		.split(/[-+]/)[0]
		.split('.')
		.map((part) => Number(part));
}

function newerVersion(a: GenesysPack, b: GenesysPack): GenesysPack {
	const [x, y] = [versionParts(a.version), versionParts(b.version)];
	for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i] ? a : b;
	return a;
}

/** The pack of a program year; of several versions for one year, the newest. */
export function packForYear(options: {
	packs: readonly GenesysPack[];
	year: number;
}): GenesysPack | undefined {
	let found: GenesysPack | undefined;
	for (const pack of options.packs) {
		if (pack.programYear !== options.year) continue;
		found = found ? newerVersion(found, pack) : pack;
	}
	return found;
}

/** The annual review day of the pack's program year. */
export function reviewDateOf(pack: GenesysPack): IsoDate {
	return `${pack.programYear}-${pack.parameters.reviewDate.value}`;
}

/** Tiers lowest first; the pack schema keeps the entry tier first and the thresholds rising. */
export function tiersOf(pack: GenesysPack): readonly Tier[] {
	return pack.parameters.tiers.value;
}

export function tierIndex(pack: GenesysPack, tierId: string): number {
	return tiersOf(pack).findIndex((tier) => tier.id === tierId);
}

/** What a finding or a review records about the pack it was computed with. */
export type GenesysPackRef = { id: typeof GENESYS_PACK_ID; version: string; programYear: number };

export function genesysPackRef(pack: GenesysPack): GenesysPackRef {
	return { id: GENESYS_PACK_ID, version: pack.version, programYear: pack.programYear };
}
