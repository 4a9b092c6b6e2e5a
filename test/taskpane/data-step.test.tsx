/** @jest-environment jsdom */
/** The data step's "visible rows only" box: labelled in the language, enabled when idle, and it reports its state. */
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { DataStep, DataStepProps } from "../../src/taskpane/components/DataStep";
import { renderPane } from "./render";

function props(over: Partial<DataStepProps>): DataStepProps {
  return {
    mode: "file",
    lang: "id",
    loaded: null,
    busy: null,
    notice: null,
    onInsertTemplate: () => undefined,
    onFind: () => undefined,
    onUseSelection: () => undefined,
    onOpenFile: () => undefined,
    onDownloadTemplate: () => undefined,
    visibleOnly: false,
    onVisibleOnly: () => undefined,
    ...over,
  };
}

describe("visible rows only", () => {
  it("is a labelled checkbox, enabled when idle, reporting a tick", () => {
    const changes: boolean[] = [];
    renderPane(<DataStep {...props({ onVisibleOnly: (v) => changes.push(v) })} />);
    const box = screen.getByRole("checkbox", { name: "Hanya baris yang terlihat" });
    expect((box as HTMLInputElement).disabled).toBe(false);
    fireEvent.click(box);
    expect(changes).toEqual([true]);
  });

  it("in English, and disabled while the pane is busy", () => {
    renderPane(<DataStep {...props({ lang: "en", busy: "Reading…", mode: "excel" })} />);
    const box = screen.getByRole("checkbox", { name: "Visible rows only" });
    expect((box as HTMLInputElement).disabled).toBe(true);
  });
});
