import type { OmnissaSpPack, ReasonCode } from './pack-schema';

/**
 * The reason codes the pack offers for a finding of `ruleId`: those made for that rule and those
 * that fit any rule ("Other"), in the pack's order. "Customer growth" explains a quantity change,
 * not a late report.
 */
export function reasonCodesFor(options: { pack: OmnissaSpPack; ruleId: string }): ReasonCode[] {
	return options.pack.parameters.reasonCodes.value.filter(
		(reason) => reason.rules === undefined || reason.rules.includes(options.ruleId)
	);
}
