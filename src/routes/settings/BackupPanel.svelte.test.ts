import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterAll, describe, expect, it } from 'vitest';
import { collectBytes } from '$lib/domain/backup-encryption';
import { backupFileBytes } from '$lib/domain/backup-file';
import { i18n } from '$lib/i18n/i18n.svelte';
import { exportBackup, wipeAll } from '$lib/store/backup-repo';
import { database } from '$lib/store/db';
import { saveSettings } from '$lib/store/settings-repo';
import { testProfile } from '../../../tests/helpers/workspace';
import BackupPanel from './BackupPanel.svelte';

afterAll(async () => wipeAll(await database()));

async function choose(bytes: Uint8Array, name: string, size?: number) {
	const input = screen.getByLabelText('Restore from file') as HTMLInputElement;
	const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
	// A file of gigabytes, without making one: only its size is read before it is refused.
	if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
	Object.defineProperty(input, 'files', { value: [file], configurable: true });
	await fireEvent.change(input);
}

describe('BackupPanel', () => {
	it('refuses a file too large to restore by its size, before reading it', async () => {
		i18n.language = 'en';
		render(BackupPanel);
		await choose(new Uint8Array(), 'ten-years.json', 2_307_500_000);
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'ten-years.json: at 2308 MB this backup is larger than a restore can read at once (536 MB). Nothing was changed.'
		);
		expect(screen.queryByRole('alertdialog')).toBeNull();
	});

	it('refuses two different passphrases before exporting anything', async () => {
		i18n.language = 'en';
		render(BackupPanel);
		await fireEvent.input(screen.getByLabelText('Passphrase (optional)'), {
			target: { value: 'one' }
		});
		await fireEvent.input(screen.getByLabelText('Passphrase again'), { target: { value: 'two' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
		expect(screen.getByLabelText('Passphrase again')).toHaveAccessibleDescription(
			'The two passphrases differ. Type the same one twice.'
		);
		expect(screen.queryByRole('status')).toBeNull();
	});

	it('asks for the passphrase of an encrypted file, again after a wrong one, then to confirm', async () => {
		i18n.language = 'en';
		const db = await database();
		await saveSettings(db, { profile: testProfile({ language: 'en' }), programs: ['omnissa-sp'] });
		const bytes = await collectBytes(
			backupFileBytes({ backup: await exportBackup(db), passphrase: 'richtig' })
		);
		render(BackupPanel);

		await choose(bytes, 'b.pdbackup');
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'b.pdbackup: this backup is encrypted. Enter its passphrase to restore it. Nothing was changed.'
		);
		await fireEvent.input(screen.getByLabelText('Passphrase of b.pdbackup'), {
			target: { value: 'falsch' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Open the backup' }));
		expect(
			await screen.findByText(
				'b.pdbackup: the passphrase does not open this backup. Check it and try again. Nothing was changed.',
				{},
				{ timeout: 10_000 }
			)
		).toBeInTheDocument();
		expect(screen.queryByRole('alertdialog')).toBeNull();

		await fireEvent.input(screen.getByLabelText('Passphrase of b.pdbackup'), {
			target: { value: 'richtig' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Open the backup' }));
		expect(await screen.findByRole('alertdialog', {}, { timeout: 10_000 })).toHaveTextContent(
			'Restoring replaces all data on this device'
		);
		expect(screen.queryByLabelText('Passphrase of b.pdbackup')).toBeNull();
	});
});
