import { liveQuery } from 'dexie';
import { database, type PartnerDeskDatabase } from './db';

/**
 * A Dexie live query as rune state: `current` follows the database, also across
 * tabs. Results are held raw: big lists must not be deep-proxied. Create it in a
 * component's script; it subscribes while the component is mounted. The query
 * gets the opened database, so it never awaits anything but Dexie (liveQuery
 * tracks what it reads through Dexie's own promises). `initial`: a value read just before (the
 * root layout's first read), shown at once instead of a loading state, until the query answers.
 */
export class Live<T> {
	current = $state.raw<T | undefined>(undefined);
	isLoading = $state(true);
	error = $state.raw<unknown>(undefined);

	constructor(query: (db: PartnerDeskDatabase) => Promise<T>, initial?: { value: T }) {
		if (initial) {
			this.current = initial.value;
			this.isLoading = false;
		}
		$effect(() => {
			let unsubscribe = () => {};
			let stopped = false;
			const fail = (error: unknown) => {
				this.error = error;
				this.isLoading = false;
			};
			database().then((db) => {
				if (stopped) return;
				const subscription = liveQuery(() => query(db)).subscribe({
					next: (value) => {
						this.current = value;
						this.isLoading = false;
						this.error = undefined;
					},
					error: fail
				});
				unsubscribe = () => subscription.unsubscribe();
			}, fail);
			return () => {
				stopped = true;
				unsubscribe();
			};
		});
	}
}
