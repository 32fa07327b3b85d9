/**
 * The DLNA service's switch and temporary IP allow-list
 * (internal/dlna/service.go Start/Stop/Status, internal/api/resolver_mutation_dlna.go).
 * Nothing is served: the stand-in keeps the state Stash reports. Timed
 * starts and stops are settled against the store's clock whenever read.
 */
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { formatTime } from "./store";

/** What dlnaStatus reports: the switch, pending timed changes and the temporary allow-list. */
export interface DlnaState {
  running: boolean;
  /** When a timed stop ends and the service restarts. */
  startAt: number | null;
  /** When a timed start ends and the service stops. */
  stopAt: number | null;
  /** Allowed IP patterns and when each expires (null: until removed). */
  readonly allowed: Map<string, number | null>;
}

/** One stand-in's DLNA switch (`StandInContext.dlna`); it starts as the `dlna.enabled` setting says when first read. */
export class DlnaService {
  private state: DlnaState | null = null;

  constructor(
    private readonly enabledAtStart: () => boolean,
    private readonly now: () => number,
  ) {}

  /** The state with timed starts, stops and allow-list entries settled against the clock. */
  current(): DlnaState {
    const state = (this.state ??= { running: this.enabledAtStart(), startAt: null, stopAt: null, allowed: new Map() });
    const now = this.now();
    if (state.running && state.stopAt !== null && state.stopAt <= now) Object.assign(state, { running: false, stopAt: null });
    if (!state.running && state.startAt !== null && state.startAt <= now) Object.assign(state, { running: true, startAt: null });
    for (const [pattern, until] of state.allowed) if (until !== null && until <= now) state.allowed.delete(pattern);
    return state;
  }
}

const stateOf = (ctx: StandInContext): DlnaState => ctx.dlna.current();

function minutesFromNow(ctx: StandInContext, minutes: number | null | undefined): number | null {
  return minutes == null ? null : ctx.store.now().getTime() + minutes * 60_000;
}

const time = (ms: number | null) => (ms === null ? null : formatTime(new Date(ms)));

const dlnaStatus: RootResolver = (_args, ctx) => {
  const s = stateOf(ctx);
  return {
    running: s.running,
    until: time(s.stopAt ?? s.startAt),
    recentIPAddresses: [],
    allowedIPAddresses: [...s.allowed].map(([ipAddress, until]) => ({ ipAddress, until: time(until) })),
  };
};

const enableDLNA: RootResolver = (args, ctx) => {
  const s = stateOf(ctx);
  if (!s.running) Object.assign(s, { running: true, startAt: null });
  if (args.input.duration != null) s.stopAt = minutesFromNow(ctx, args.input.duration);
  return true;
};

const disableDLNA: RootResolver = (args, ctx) => {
  const s = stateOf(ctx);
  if (s.running) Object.assign(s, { running: false, stopAt: null });
  if (args.input.duration != null) s.startAt = minutesFromNow(ctx, args.input.duration);
  return true;
};

const addTempDLNAIP: RootResolver = (args, ctx) => {
  stateOf(ctx).allowed.set(String(args.input.address), minutesFromNow(ctx, args.input.duration));
  return true;
};

/** True when the pattern was on the list. */
const removeTempDLNAIP: RootResolver = (args, ctx) => stateOf(ctx).allowed.delete(String(args.input.address));

/** DLNA status and switches. */
export const dlnaResolvers: ResolverModule = {
  Query: { dlnaStatus },
  Mutation: { enableDLNA, disableDLNA, addTempDLNAIP, removeTempDLNAIP },
};
