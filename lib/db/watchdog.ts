/** A running process the watchdog looks after. */
export type Supervised = { exited: Promise<unknown>; stop: () => Promise<void> };

export type WatchdogOptions<S extends Supervised> = {
  /** What is watched, for the log ("PostgreSQL"). */
  name: string;
  /** Start it again; may throw, and is then tried again later. */
  restart: () => Promise<S>;
  log: (message: string) => void;
  /** Called with each new instance once it runs. */
  onRestart?: (instance: S) => void;
  /** First pause before a restart, in milliseconds; doubled after each failed or short-lived try. */
  minDelayMs?: number;
  /** Longest pause between tries, in milliseconds. */
  maxDelayMs?: number;
  /** An instance that ran this long (milliseconds) counts as healthy: the next pause starts short again. */
  stableMs?: number;
};

export type Watchdog<S extends Supervised> = {
  /** The instance running now (undefined while it is being restarted). */
  current: () => S | undefined;
  /** Restarts so far. */
  restarts: () => number;
  /** No more restarts from now on; what runs keeps running (a shutdown that stops other things first). */
  disarm: () => void;
  /** No more restarts; stops the instance running now, or the one being started. */
  stop: () => Promise<void>;
};

/** Keep `first` running: when it exits without being asked to, start it again after a pause that grows while it keeps failing. */
export function watchdog<S extends Supervised>(first: S, opts: WatchdogOptions<S>): Watchdog<S> {
  const minDelay = opts.minDelayMs ?? 500;
  const maxDelay = opts.maxDelayMs ?? 30_000;
  const stableMs = opts.stableMs ?? 60_000;
  let current: S | undefined = first;
  let stopped = false;
  let failures = 0;
  let restarts = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let starting: Promise<S | undefined> | undefined;

  const watch = (instance: S) => {
    const startedAt = Date.now();
    void instance.exited.then((how) => {
      if (stopped || current !== instance) return;
      current = undefined;
      if (Date.now() - startedAt >= stableMs) failures = 0;
      opts.log(`${opts.name} stopped unexpectedly (${describeExit(how)})`);
      schedule();
    });
  };

  const schedule = () => {
    const delay = Math.min(maxDelay, minDelay * 2 ** failures);
    failures += 1;
    opts.log(`restarting ${opts.name} in ${formatDelay(delay)}`);
    timer = setTimeout(() => {
      timer = undefined;
      if (stopped) return;
      starting = opts.restart().then(
        (instance) => {
          if (stopped) {
            void instance.stop();
            return undefined;
          }
          restarts += 1;
          current = instance;
          opts.log(`${opts.name} is running again`);
          opts.onRestart?.(instance);
          watch(instance);
          return instance;
        },
        (err: unknown) => {
          if (!stopped) {
            opts.log(`${opts.name} did not start: ${err instanceof Error ? err.message : String(err ?? "no reason given")}`);
            schedule();
          }
          return undefined;
        },
      );
    }, delay);
  };

  watch(first);
  return {
    current: () => current,
    restarts: () => restarts,
    disarm: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      const pending = await starting;
      const running = new Set([current, pending].filter((s): s is S => s !== undefined));
      await Promise.all([...running].map((s) => s.stop()));
    },
  };
}

function describeExit(how: unknown): string {
  const { code, signal } = (how ?? {}) as { code?: number | null; signal?: string | null };
  if (signal) return `killed by ${signal}`;
  if (typeof code === "number") return `exit code ${code}`;
  return "it exited";
}

const formatDelay = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);
