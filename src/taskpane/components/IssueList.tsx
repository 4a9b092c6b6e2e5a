import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { issueKindCounts, issueKindTitle } from "../../engine/issue-kinds";
import { Issue, Severity } from "../../engine/issues";
import { Lang, counted, fieldLabel, formatNumber, strings } from "../i18n";
import { sheetAddress } from "../../workbook/a1";

const PAGE = 50;

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXXS,
    width: "100%",
    boxSizing: "border-box",
    textAlign: "start",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderLeftWidth: tokens.strokeWidthThickest,
    borderLeftStyle: "solid",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  button: { fontWeight: tokens.fontWeightRegular, justifyContent: "flex-start" },
  where: { color: tokens.colorNeutralForeground3 },
  kind: {
    paddingLeft: tokens.spacingHorizontalS,
    borderLeftWidth: tokens.strokeWidthThickest,
    borderLeftStyle: "solid",
  },
});

export interface IssueListProps {
  readonly issues: readonly Issue[];
  readonly lang: Lang;
  /** When given, each issue is a button that selects its cell. */
  readonly onSelect?: (issue: Issue) => void;
}

/** Errors, then warnings: each with kampung, field and message; a button when cells can be selected. */
export function IssueList({ issues, lang, onSelect }: IssueListProps): React.JSX.Element {
  const s = strings(lang);
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  if (issues.length === 0) return <Body1>{s.noIssues}</Body1>;
  return (
    <>
      <IssueKinds issues={issues} lang={lang} />
      <IssueGroup severity="error" issues={errors} lang={lang} onSelect={onSelect} />
      <IssueGroup severity="warning" issues={warnings} lang={lang} onSelect={onSelect} />
    </>
  );
}

interface IssueGroupProps {
  readonly severity: Severity;
  readonly issues: readonly Issue[];
  readonly lang: Lang;
  readonly onSelect?: (issue: Issue) => void;
}

function IssueGroup({
  severity,
  issues,
  lang,
  onSelect,
}: IssueGroupProps): React.JSX.Element | null {
  const styles = useStyles();
  const [shown, setShown] = React.useState(PAGE);
  const headingId = React.useId();
  if (issues.length === 0) return null;
  const s = strings(lang);
  const title = severity === "error" ? s.errors : s.warnings;
  const rest = issues.length - shown;
  return (
    <section className={styles.group} aria-labelledby={headingId} data-severity={severity}>
      <Subtitle2 block as="h3" id={headingId}>
        {`${title} (${formatNumber(issues.length, lang)})`}
      </Subtitle2>
      <ul className={styles.list}>
        {issues.slice(0, shown).map((issue, i) => (
          <li key={`${issue.sheet}!${issue.cell}:${issue.code}:${i}`}>
            <IssueItem issue={issue} lang={lang} onSelect={onSelect} />
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <Button appearance="subtle" onClick={() => setShown(shown + PAGE)}>
          {s.showMore(formatNumber(Math.min(rest, PAGE), lang))}
        </Button>
      )}
    </section>
  );
}

function IssueItem({
  issue,
  lang,
  onSelect,
}: {
  readonly issue: Issue;
  readonly lang: Lang;
  readonly onSelect?: (issue: Issue) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const s = strings(lang);
  const where = `${issue.sheet}!${issue.cell}`;
  // A sheet-wide issue with no field says "Seluruh lembar" once, not "Seluruh lembar · Seluruh lembar".
  const kampung = issue.kampung || s.wholeSheet;
  const className = mergeClasses(
    styles.item,
    issue.severity === "error" ? styles.error : styles.warning
  );
  const content = (
    <>
      <Caption1 className={styles.where}>
        {[
          kampung,
          ...(issue.field ? [fieldLabel(issue.field, lang)] : []),
          // Quoted as Excel and the CLI write it: 'Penilaian 2024-T4'!K8, never "Penilaian 2024-T4!K8".
          `${s.cell} ${sheetAddress(issue.sheet, issue.cell)}`,
        ].join(" · ")}
      </Caption1>
      <Body1>{issue.message}</Body1>
    </>
  );
  if (!onSelect) {
    return (
      <div className={className} data-cell={where}>
        {content}
      </div>
    );
  }
  return (
    <Button
      appearance="transparent"
      className={mergeClasses(className, styles.button)}
      onClick={() => onSelect(issue)}
      title={s.openCell(where)}
      data-cell={where}
    >
      {content}
    </Button>
  );
}

/** How many issues of each kind, errors first: thousands of one warning read as one line. */
function IssueKinds({ issues, lang }: { issues: readonly Issue[]; lang: Lang }): React.JSX.Element {
  const styles = useStyles();
  const s = strings(lang);
  const headingId = React.useId();
  const kinds = React.useMemo(() => issueKindCounts(issues), [issues]);
  return (
    <section className={styles.group} aria-labelledby={headingId} data-testid="issue-kinds">
      <Subtitle2 block as="h3" id={headingId}>
        {s.byKind}
      </Subtitle2>
      <ul className={styles.list}>
        {kinds.map((k) => (
          <li
            key={`${k.severity}:${k.code}`}
            className={mergeClasses(
              styles.kind,
              k.severity === "error" ? styles.error : styles.warning
            )}
          >
            <Body1>{`${counted(k.count, lang, k.severity === "error" ? s.errorNoun : s.warningNoun)}: ${issueKindTitle(k.code, lang)}`}</Body1>
          </li>
        ))}
      </ul>
    </section>
  );
}
