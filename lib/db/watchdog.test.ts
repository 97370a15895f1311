import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Supervised, watchdog } from "@/lib/db/watchdog";

/** A stand-in for a server process: `die()` makes it exit, as a crash or a SIGKILL would. */
function fakeProcess(id: number) {
  let exit: (how: unknown) => void = () => {};
  const exited = new Promise((resolve) => {
    exit = resolve;
  });
  const p = {
    id,
    stopped: false,
    exited,
    die: (how: unknown = { code: null, signal: "SIGKILL" }) => exit(how),
    stop: async () => {
      p.stopped = true;
      exit({ code: 0, signal: null });
    },
  };
  return p satisfies Supervised;
}
type Fake = ReturnType<typeof fakeProcess>;

describe("watchdog", () => {
  let started: Fake[];
  let logs: string[];
  let failNext: number;
  const restart = async () => {
    if (failNext > 0) {
      failNext -= 1;
      throw new Error("port in use");
    }
    const p = fakeProcess(started.length);
    started.push(p);
    return p;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    started = [fakeProcess(0)];
    logs = [];
    failNext = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const make = () => watchdog(started[0]!, { name: "PostgreSQL", restart, log: (m) => logs.push(m), minDelayMs: 500, maxDelayMs: 4000, stableMs: 10_000 });

  it("starts the process again after it dies, and says so", async () => {
    const dog = make();
    started[0]!.die();
    await vi.advanceTimersByTimeAsync(499);
    expect(started).toHaveLength(1);
    expect(dog.current()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toHaveLength(2);
    expect(dog.current()).toBe(started[1]);
    expect(dog.restarts()).toBe(1);
    expect(logs).toEqual(["PostgreSQL stopped unexpectedly (killed by SIGKILL)", "restarting PostgreSQL in 500 ms", "PostgreSQL is running again"]);
  });

  it("waits longer each time it keeps failing, up to the longest pause, and starts short again once it has run a while", async () => {
    make();
    failNext = 4;
    started[0]!.die({ code: 1, signal: null });
    // 500, 1000, 2000, 4000 (failures), then 4000 again (capped): the fifth try works.
    for (const wait of [500, 1000, 2000, 4000]) await vi.advanceTimersByTimeAsync(wait);
    expect(started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3999);
    expect(started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toHaveLength(2);
    expect(logs.filter((l) => l.startsWith("PostgreSQL did not start: port in use"))).toHaveLength(4);

    // Healthy for longer than stableMs: the next crash is retried after the first, short pause.
    await vi.advanceTimersByTimeAsync(10_000);
    started[1]!.die();
    await vi.advanceTimersByTimeAsync(500);
    expect(started).toHaveLength(3);
  });

  it("does not restart what it was asked to stop, and stops what runs", async () => {
    const dog = make();
    await dog.stop();
    expect(started[0]!.stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(started).toHaveLength(1);
  });

  it("once disarmed, lets a dying process go without stopping the one that runs", async () => {
    const dog = make();
    dog.disarm();
    expect(started[0]!.stopped).toBe(false);
    started[0]!.die();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(started).toHaveLength(1);
    expect(logs).toEqual([]);
  });

  it("stopping during the pause before a restart cancels the restart", async () => {
    const dog = make();
    started[0]!.die();
    await vi.advanceTimersByTimeAsync(100);
    await dog.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(started).toHaveLength(1);
  });
});
