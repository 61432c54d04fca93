import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { draftFrom } from './settings-form';
import SettingsForm from './SettingsForm.svelte';
import { unsaved } from '$lib/ui/unsaved.svelte';

const initial = draftFrom(
	{
		companyName: 'Muster IT-Services GmbH',
		partnerIds: {},
		currency: 'EUR',
		timeZone: 'Europe/Berlin',
		language: 'en'
	},
	['omnissa-sp']
);

afterEach(() => {
	i18n.language = 'en';
});

describe('SettingsForm', () => {
	it('shows each error next to its field and saves nothing', async () => {
		const onSave = vi.fn(async () => {});
		render(SettingsForm, { initial, onSave });
		await fireEvent.input(screen.getByLabelText('Default currency'), { target: { value: 'EURO' } });
		await fireEvent.input(screen.getByLabelText('Company name'), { target: { value: '' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

		const currency = screen.getByLabelText('Default currency');
		expect(currency).toHaveAttribute('aria-invalid', 'true');
		expect(currency).toHaveAccessibleDescription('Use a three-letter ISO 4217 code such as EUR.');
		expect(screen.getByLabelText('Company name')).toHaveAccessibleDescription('Required.');
		expect(screen.getByText('Please correct the marked fields.')).toHaveAttribute('role', 'alert');
		expect(onSave).not.toHaveBeenCalled();
		expect(unsaved.any).toBe(true);
	});

	it('speaks German when the language is German', async () => {
		i18n.language = 'de';
		render(SettingsForm, { initial, onSave: async () => {} });
		await fireEvent.input(screen.getByLabelText('Zeitzone'), { target: { value: 'Mars/Olympus' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Einstellungen speichern' }));
		expect(screen.getByLabelText('Zeitzone')).toHaveAccessibleDescription(
			'„Mars/Olympus“ ist keine bekannte Zeitzone. Berichtsmonate und Fristen werden in dieser Zone gezählt.'
		);
	});

	it('hands the checked settings to onSave and reports success', async () => {
		const onSave = vi.fn(async () => {});
		render(SettingsForm, { initial, onSave });
		await fireEvent.input(screen.getByLabelText('Partner id for Omnissa Service Provider'), {
			target: { value: 'SP-4711' }
		});
		await fireEvent.click(screen.getByRole('checkbox', { name: /Genesys AppFoundry ISV/ }));
		await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

		expect(onSave).toHaveBeenCalledWith({
			ok: true,
			profile: {
				companyName: 'Muster IT-Services GmbH',
				partnerIds: { 'omnissa-sp': 'SP-4711' },
				currency: 'EUR',
				timeZone: 'Europe/Berlin',
				language: 'en'
			},
			programs: ['omnissa-sp', 'genesys-appfoundry']
		});
		expect(await screen.findByRole('status')).toHaveTextContent('Settings saved.');
		expect(unsaved.any).toBe(false);
	});

	it('shows why a save failed and keeps the input', async () => {
		const onSave = vi.fn(async () => {
			throw new Error('The device storage is full; nothing was changed.');
		});
		render(SettingsForm, { initial, onSave });
		await fireEvent.input(screen.getByLabelText('Company name'), { target: { value: 'Neu GmbH' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
		expect(await screen.findByRole('alert')).toHaveTextContent('The device storage is full');
		expect(screen.getByLabelText('Company name')).toHaveValue('Neu GmbH');
		expect(unsaved.any).toBe(true);
	});

	it('follows the stored settings until the user types, and never overwrites typed input', async () => {
		const { rerender } = render(SettingsForm, { initial, onSave: async () => {} });
		// Stored elsewhere (a restore, another tab): the untouched form shows it.
		await rerender({ initial: { ...initial, companyName: 'Restored GmbH' } });
		expect(screen.getByLabelText('Company name')).toHaveValue('Restored GmbH');
		expect(unsaved.any).toBe(false);

		await fireEvent.input(screen.getByLabelText('Default currency'), { target: { value: 'CHF' } });
		await rerender({ initial: { ...initial, companyName: 'Other tab AG' } });
		expect(screen.getByLabelText('Company name')).toHaveValue('Restored GmbH');
		expect(screen.getByLabelText('Default currency')).toHaveValue('CHF');
		expect(unsaved.any).toBe(true);
		// Discarded: back to what the form last followed, the input gone.
		await fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
		expect(screen.getByLabelText('Default currency')).toHaveValue('EUR');
		expect(unsaved.any).toBe(false);
	});
});
