import * as React from "react";
import { Body1, Body1Strong, Button, makeStyles, tokens } from "@fluentui/react-components";
import { Issue } from "../../engine/issues";
import { PreviewKampung } from "../../workbook/read-view";
import { Lang, strings } from "../i18n";
import { Mode } from "../session";
import { IssueList } from "./IssueList";
import { ScorePreview } from "./ScorePreview";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  button: { alignSelf: "flex-start" },
});

export interface CheckStepProps {
  readonly mode: Mode;
  readonly lang: Lang;
  /** Null until data has been read. */
  readonly issues: readonly Issue[] | null;
  /** How many kampung were scored. */
  readonly kampung: number;
  /** The first kampung's composites. */
  readonly preview: readonly PreviewKampung[];
  readonly busy: boolean;
  readonly onSelectIssue: (issue: Issue) => void;
  readonly onRecheck: () => void;
}

/** Step 2: the errors and warnings, and a preview of the composite scores. */
export function CheckStep(props: CheckStepProps): React.JSX.Element {
  const { mode, lang, issues, kampung } = props;
  const styles = useStyles();
  const s = strings(lang);
  if (!issues) return <Body1>{s.needData}</Body1>;
  const errors = issues.filter((i) => i.severity === "error").length;
  return (
    <div className={styles.root}>
      <Body1 block as="p">
        {s.checkIntro}
        {mode === "excel" && ` ${s.checkIntroExcel}`}
      </Body1>
      {issues.length > 0 && (
        <Body1Strong role="status">{s.issueCount(errors, issues.length - errors)}</Body1Strong>
      )}
      {mode === "excel" && (
        <Button className={styles.button} onClick={props.onRecheck} disabledFocusable={props.busy}>
          {s.recheck}
        </Button>
      )}
      <IssueList
        issues={issues}
        lang={lang}
        onSelect={mode === "excel" ? props.onSelectIssue : undefined}
      />
      <ScorePreview kampung={props.preview} total={kampung} lang={lang} />
    </div>
  );
}
