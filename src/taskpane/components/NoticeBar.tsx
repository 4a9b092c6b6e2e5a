import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { Notice } from "../session";

/** A result or a problem, announced to screen readers. */
export function NoticeBar({
  notice,
}: {
  readonly notice: Notice | null;
}): React.JSX.Element | null {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody role={notice.intent === "error" ? "alert" : "status"}>
        {notice.text}
      </MessageBarBody>
    </MessageBar>
  );
}
