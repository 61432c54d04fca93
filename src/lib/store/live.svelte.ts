import { liveQuery } from 'dexie';

/**
 * A Dexie live query as rune state: `current` follows the database, also across
 * tabs. Results are held raw: big lists must not be deep-proxied. Create it in a
 * component's script; it subscribes while the component is mounted.
 */
export class Live<T> {
	current = $state.raw<T | undefined>(undefined);
	isLoading = $state(true);
	error = $state.raw<unknown>(undefined);

	constructor(query: () => Promise<T>) {
		$effect(() => {
			const subscription = liveQuery(query).subscribe({
				next: (value) => {
					this.current = value;
					this.isLoading = false;
					this.error = undefined;
				},
				error: (error: unknown) => {
					this.error = error;
					this.isLoading = false;
				}
			});
			return () => subscription.unsubscribe();
		});
	}
}
