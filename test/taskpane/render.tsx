/** Renders a pane component inside Fluent's provider, as the pane does. */
import * as React from "react";
import { render, RenderResult } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

export function renderPane(ui: React.ReactElement): RenderResult {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}
