/**
 * Where the pane runs: Office.onReady may arrive late (a slow start, Excel on the web); the pane
 * must switch into Excel mode whenever it does, not stay "outside Excel" for the session.
 */
import { HostState, HostTimer, watchHost } from "../../src/taskpane/host";

type Global = { Office?: unknown };

afterEach(() => {
  delete (globalThis as Global).Office;
});

/** An Office global whose onReady the test resolves, and a timer the test fires. */
function lateOffice() {
  let ready: (info: { host: string | null }) => void = () => undefined;
  const onReady = new Promise<{ host: string | null }>((resolve) => (ready = resolve));
  (globalThis as Global).Office = {
    onReady: () => onReady,
    HostType: { Excel: "Excel" },
  };
  const timers: (() => void)[] = [];
  const timer: HostTimer = (fire) => {
    timers.push(fire);
    return () => timers.splice(timers.indexOf(fire), 1);
  };
  return { ready, timers, timer, onReady };
}

describe("watchHost", () => {
  it("says outside Office at once when there is no office.js", () => {
    const states: HostState[] = [];
    watchHost((s) => states.push(s));
    expect(states).toEqual([{ kind: "no-office" }]);
  });

  it("switches into Excel mode when Office.onReady arrives after the timeout", async () => {
    const office = lateOffice();
    const states: HostState[] = [];
    watchHost((s) => states.push(s), 3000, office.timer);
    expect(states).toEqual([]);
    // The wait is over: provisionally outside Office.
    office.timers.forEach((fire) => fire());
    expect(states).toEqual([{ kind: "no-office" }]);
    office.ready({ host: "Excel" });
    await office.onReady;
    await Promise.resolve();
    expect(states).toEqual([{ kind: "no-office" }, { kind: "excel" }]);
  });

  it("goes straight to Excel mode when Office.onReady comes first, and stops its timer", async () => {
    const office = lateOffice();
    const states: HostState[] = [];
    watchHost((s) => states.push(s), 3000, office.timer);
    office.ready({ host: "Excel" });
    await office.onReady;
    await Promise.resolve();
    expect(states).toEqual([{ kind: "excel" }]);
    expect(office.timers).toEqual([]);
  });

  it("names another Office host", async () => {
    const office = lateOffice();
    const states: HostState[] = [];
    watchHost((s) => states.push(s), 3000, office.timer);
    office.ready({ host: "Word" });
    await office.onReady;
    await Promise.resolve();
    expect(states).toEqual([{ kind: "other-host", host: "Word" }]);
  });
});
