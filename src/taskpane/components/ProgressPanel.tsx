import * as React from "react";
import { Body1, makeStyles, ProgressBar, tokens, useId } from "@fluentui/react-components";
import { Lang, formatPercent, strings } from "../i18n";

export interface Progress {
  /** 0 to 1, or null while the amount is unknown. */
  readonly fraction: number | null;
  /** The step in words. */
  readonly message: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

export interface ProgressPanelProps {
  readonly progress: Progress | null;
  readonly lang: Lang;
}

/** A progress bar with the current step in words, announced politely to screen readers. */
export function ProgressPanel({ progress, lang }: ProgressPanelProps): React.JSX.Element | null {
  const styles = useStyles();
  const textId = useId("progress-text");
  if (!progress) return null;
  const s = strings(lang);
  const fraction =
    progress.fraction === null ? undefined : Math.min(1, Math.max(0, progress.fraction));
  const text =
    fraction === undefined
      ? progress.message
      : `${progress.message} (${formatPercent(fraction, lang)})`;
  return (
    <div className={styles.root}>
      <ProgressBar
        value={fraction}
        max={1}
        thickness="large"
        aria-label={s.progressLabel}
        aria-describedby={textId}
        aria-valuetext={text}
      />
      <Body1 id={textId} role="status" aria-live="polite">
        {text}
      </Body1>
    </div>
  );
}
