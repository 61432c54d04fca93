import { getContext, setContext } from 'svelte';
import type { ProgramId } from '$lib/domain/programs';
import type { Aggregator, Enrollment, Profile } from '$lib/domain/settings';
import type { Language } from '$lib/domain/language';
import type { EffectivePack, ProgramModule } from '$lib/programs/program-module';
import { Live } from '$lib/store/live.svelte';
import {
	listAggregators,
	listEnrollments,
	readProfile,
	type WorkspaceSnapshot
} from '$lib/store/settings-repo';
import type { ProgramUi } from './programs/program-ui';
import { PROGRAM_UIS } from './programs/registry';

/** What the workspace reads: the live store in the app, fixed values in a component test. */
export interface WorkspaceSource {
	profile(): Profile | undefined;
	enrollments(): Enrollment[];
	aggregators(): Aggregator[];
	/** True until the profile has been read once (a first run reads "undefined", not loading). */
	isLoading(): boolean;
	error(): unknown;
}

/** The device's own zone: the one fallback for a partner who has not saved a profile yet. */
export function deviceTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The state every page shares: the partner's profile, time zone, language, enrollments, the
 * effective pack per program, the aggregators and a clock. Created once in the root layout and
 * read through `workspace()`, so pages do not each query the same records, and countdowns move
 * because `now` ticks (a `new Date()` inside a `$derived` is read once and never again).
 */
export class Workspace {
	/** The clock's reading: set again every minute and whenever the tab becomes visible. */
	#time: number;

	/** Now, as of the last tick: countdowns read this, so they move. */
	get now(): Date {
		// A fresh copy each read, never mutated: the reactive part is #time, not the Date.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		return new Date(this.#time);
	}

	/** Moves the clock (the app's tick; a test that wants to see a countdown move). */
	setTime(time: Date): void {
		this.#time = time.getTime();
	}

	/**
	 * `time`: the clock's first reading (a test fixes it; the app starts from the real one).
	 * `programs`: the programs the pages show (a test may add one).
	 */
	constructor(
		private readonly source: WorkspaceSource,
		time = Date.now(),
		readonly programs: readonly ProgramUi[] = PROGRAM_UIS
	) {
		this.#time = $state(time);
	}

	get profile(): Profile | undefined {
		return this.source.profile();
	}
	get enrollments(): Enrollment[] {
		return this.source.enrollments();
	}
	get aggregators(): Aggregator[] {
		return this.source.aggregators();
	}
	get isLoading(): boolean {
		return this.source.isLoading();
	}
	get error(): unknown {
		return this.source.error();
	}

	readonly timeZone = $derived(this.profile?.timeZone ?? deviceTimeZone());
	readonly language = $derived<Language | undefined>(this.profile?.language);
	readonly currency = $derived(this.profile?.currency ?? 'EUR');

	enrollment(programId: ProgramId): Enrollment | undefined {
		return this.enrollments.find((e) => e.programId === programId);
	}

	isEnrolled(programId: ProgramId): boolean {
		return this.enrollment(programId) !== undefined;
	}

	/** The programs the partner is enrolled in, in the registry's order. */
	readonly enrolledPrograms = $derived.by(() =>
		this.programs.filter(({ program }) => this.isEnrolled(program.id))
	);

	/** Each program's pack as the partner uses it: built-in values with the partner's overrides. */
	readonly packs: ReadonlyMap<ProgramId, EffectivePack<unknown>> = $derived.by(
		() =>
			// Rebuilt whole when an enrollment changes, never mutated: no reactive map needed.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			new Map(
				this.programs.map(({ program }) => [
					program.id,
					program.effectivePack(this.enrollment(program.id)?.packOverrides)
				])
			)
	);

	/** One program's effective pack, typed by its module. */
	packOf<Pack>(program: ProgramModule<Pack>): EffectivePack<Pack> {
		const found = this.packs.get(program.id);
		if (!found) throw new Error(`program ${program.id} is not in the workspace's registry`);
		return found as EffectivePack<Pack>;
	}

	/** The live workspace: reads the store and ticks. Call in a component's script (root layout). */
	/**
	 * The workspace of the live store. `first`: what the root layout read before the first page
	 * (none when it could not read: the queries then say why).
	 */
	static live(first?: WorkspaceSnapshot): Workspace {
		const profile = new Live(readProfile, first && { value: first.profile });
		const enrollments = new Live(listEnrollments, first && { value: first.enrollments });
		const aggregators = new Live(listAggregators, first && { value: first.aggregators });
		const workspace = new Workspace({
			profile: () => profile.current,
			enrollments: () => enrollments.current ?? [],
			aggregators: () => aggregators.current ?? [],
			isLoading: () => profile.isLoading || enrollments.isLoading || aggregators.isLoading,
			error: () => profile.error ?? enrollments.error ?? aggregators.error
		});
		workspace.tick();
		return workspace;
	}

	/** Keeps `now` current while the component that made the workspace is mounted. */
	private tick(): void {
		$effect(() => {
			const update = () => (this.#time = Date.now());
			const timer = setInterval(update, 60_000);
			const onVisible = () => {
				if (document.visibilityState === 'visible') update();
			};
			document.addEventListener('visibilitychange', onVisible);
			return () => {
				clearInterval(timer);
				document.removeEventListener('visibilitychange', onVisible);
			};
		});
	}
}

const KEY = Symbol('workspace');

export function setWorkspace(workspace: Workspace): Workspace {
	return setContext(KEY, workspace);
}

/** The context a component test renders with: `render(Component, { context: workspaceContext(w) })`. */
export function workspaceContext(workspace: Workspace): Map<symbol, Workspace> {
	// Read once by the test renderer, never changed: no reactive map needed.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	return new Map([[KEY, workspace]]);
}

/** The workspace the root layout set; a component test sets its own (tests/helpers/workspace). */
export function workspace(): Workspace {
	const found = getContext<Workspace | undefined>(KEY);
	if (!found) throw new Error('No workspace: the root layout (or the test) sets one.');
	return found;
}
