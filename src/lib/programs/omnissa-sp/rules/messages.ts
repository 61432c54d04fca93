import type { MessageInput } from '$lib/domain/finding';
import type { LocalizedText } from '$lib/domain/localized-text';
import { messagesDe } from './messages-de';
import { messagesEn } from './messages-en';
import type { RuleId } from './rule-catalog';

export type RuleMessages = {
	message: (input: MessageInput) => string;
	fixHint: (input: MessageInput) => string;
};

/** One language's sentences for every rule; a missing rule is a type error. */
export type MessageTable = Record<RuleId, RuleMessages>;

/** Builds a finding's message and fix hint in both languages from the message tables. */
export function describeFinding(
	ruleId: RuleId,
	input: MessageInput
): { message: LocalizedText; fixHint: LocalizedText } {
	const de = messagesDe[ruleId];
	const en = messagesEn[ruleId];
	return {
		message: { de: de.message(input), en: en.message(input) },
		fixHint: { de: de.fixHint(input), en: en.fixHint(input) }
	};
}
