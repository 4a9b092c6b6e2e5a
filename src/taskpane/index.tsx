import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { detectHost, HostState, initialLang, officeIsDark } from "./host";

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
  void detectHost().then((state) => render(root, state));
}
