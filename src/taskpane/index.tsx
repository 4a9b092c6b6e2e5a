import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { detectHost, HostState, initialLang, officeIsDark, watchHost } from "./host";

export { detectHost };

function render(root: ReturnType<typeof createRoot>, state: HostState): void {
  const lang = initialLang();
  root.render(
    <FluentProvider theme={officeIsDark() ? webDarkTheme : webLightTheme} lang={lang}>
      <App key={state.kind} host={state} initialLang={lang} />
    </FluentProvider>
  );
}

const container = typeof document === "undefined" ? null : document.getElementById("container");
if (container) {
  const root = createRoot(container);
  render(root, { kind: "loading" });
  // Re-rendered whenever the host changes: a late Office.onReady switches into Excel mode.
  let current: HostState["kind"] = "loading";
  watchHost((state) => {
    if (state.kind === current) return;
    current = state.kind;
    render(root, state);
  });
}
