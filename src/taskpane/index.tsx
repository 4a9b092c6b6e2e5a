import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, HostState } from "./App";

/** How long to wait for Office.onReady before saying the pane runs outside Office. */
const OFFICE_READY_TIMEOUT_MS = 3000;

function render(root: ReturnType<typeof createRoot>, state: HostState): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App state={state} />
    </FluentProvider>
  );
}

/** Resolves the host; outside Office (no office.js, or no host) it says so instead of waiting. */
export function detectHost(): Promise<HostState> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return Promise.resolve({ kind: "no-office" });
  }
  const ready = Office.onReady().then(
    (info): HostState => {
      if (!info.host) return { kind: "no-office" };
      if (info.host === Office.HostType.Excel) return { kind: "excel" };
      return { kind: "other-host", host: String(info.host) };
    },
    (): HostState => ({ kind: "no-office" })
  );
  const timeout = new Promise<HostState>((resolve) =>
    setTimeout(() => resolve({ kind: "no-office" }), OFFICE_READY_TIMEOUT_MS)
  );
  return Promise.race([ready, timeout]);
}

const container = typeof document === "undefined" ? null : document.getElementById("container");
if (container) {
  const root = createRoot(container);
  render(root, { kind: "loading" });
  void detectHost().then((state) => render(root, state));
}
