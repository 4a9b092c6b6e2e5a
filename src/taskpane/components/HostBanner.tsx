import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { HostState } from "../host";
import { Lang, strings } from "../i18n";

export interface HostBannerProps {
  readonly state: HostState;
  readonly lang: Lang;
}

/** Where the pane runs, in one sentence. */
export function HostBanner({ state, lang }: HostBannerProps): React.JSX.Element {
  const s = strings(lang);
  const [intent, text] =
    state.kind === "loading"
      ? (["info", s.hostLoading] as const)
      : state.kind === "excel"
        ? (["success", s.hostExcel] as const)
        : state.kind === "other-host"
          ? (["warning", s.hostOther(state.host)] as const)
          : (["info", s.hostNone] as const);
  return (
    <MessageBar intent={intent} layout="multiline" data-host={state.kind}>
      <MessageBarBody role="status">{text}</MessageBarBody>
    </MessageBar>
  );
}
