import type { ProgramModule } from '../program-module';
import { effectiveOmnissaPack } from './effective-pack';
import { nextOmnissaDeadline } from './next-deadline';
import type { OmnissaSpPack } from './pack-schema';

/** The Omnissa Service Provider program: commit contracts and monthly usage reports. */
export const omnissaSpProgram: ProgramModule<OmnissaSpPack> = {
	id: 'omnissa-sp',
	name: { de: 'Omnissa Service Provider', en: 'Omnissa Service Provider' },
	summary: {
		de: 'Commit-Verträge und monatliche Nutzungsberichte an Ihren Aggregator',
		en: 'Commit contracts and monthly usage reports to your aggregator'
	},
	effectivePack: effectiveOmnissaPack,
	nextDeadline: nextOmnissaDeadline
};
