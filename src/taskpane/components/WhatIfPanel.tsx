import * as React from "react";
import {
  Caption1,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { DECIMALS, DOMAINS } from "../../engine/framework";
import { parseNumberText } from "../../engine/score";
import { label } from "../../workbook/labels";
import { WhatIfView } from "../../workbook/what-if-view";
import { Lang, formatNumber, strings } from "../i18n";

const useStyles = makeStyles({
  weights: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  input: { width: "5em" },
  table: { borderCollapse: "collapse", width: "100%" },
  cell: {
    textAlign: "start",
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  head: { textAlign: "end", overflowWrap: "normal" },
  own: { fontStyle: "italic" },
});

/** The five weights as typed; null when they are not five numbers >= 0 with a positive sum. */
export function parseDomainWeights(texts: readonly string[]): number[] | null {
  const values = texts.map((t) => parseNumberText(t.trim()));
  if (values.some((v) => v === null || !Number.isFinite(v) || v < 0)) return null;
  const numbers = values as number[];
  return numbers.reduce((s, v) => s + v, 0) > 0 ? numbers : null;
}

/** `1,48 (2)`: a composite and its rank, in the display locale; empty when not computed. */
function scoreAndRank(score: number | null, rank: number | null, lang: Lang): string {
  if (score === null) return "";
  return `${formatNumber(score, lang, DECIMALS.composite)} (${rank ?? ""})`;
}

export interface WhatIfPanelProps {
  readonly lang: Lang;
  /** Asks the engine (its worker) for the what-if; a later call wins. */
  readonly compute: (weights: readonly number[]) => Promise<WhatIfView>;
}

/**
 * What-if domain weights (issue 16): the user's five weights, marked everywhere as not the
 * study's method, and the composite and ranks recomputed in the engine's worker beside the
 * method's, as the weights are typed.
 */
export function WhatIfPanel({ lang, compute }: WhatIfPanelProps): React.JSX.Element {
  const styles = useStyles();
  const s = strings(lang);
  const [texts, setTexts] = React.useState<string[]>(() => DOMAINS.map(() => "1"));
  const [view, setView] = React.useState<WhatIfView | null>(null);
  const latest = React.useRef(0);
  const weights = parseDomainWeights(texts);
  const key = weights?.join(",") ?? "";
  React.useEffect(() => {
    if (!weights) return;
    const request = ++latest.current;
    compute(weights).then(
      (v) => {
        if (request === latest.current) setView(v);
      },
      () => {
        if (request === latest.current) setView(null);
      }
    );
    // key stands for weights (a new array on every render).
  }, [key, compute]);
  const problemId = "kkb-whatif-problem";
  return (
    <section aria-labelledby="kkb-whatif-title" data-testid="what-if">
      <Subtitle2 block as="h3" id="kkb-whatif-title">
        {s.whatIfTitle}
      </Subtitle2>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{s.whatIfNotMethod}</MessageBarBody>
      </MessageBar>
      <div className={styles.weights} role="group" aria-label={s.whatIfOwn}>
        {DOMAINS.map((d, i) => (
          <Field key={d.key} label={d.short[lang]} validationState={weights ? "none" : "error"}>
            <Input
              aria-describedby={weights ? undefined : problemId}
              value={texts[i]}
              inputMode="decimal"
              className={styles.input}
              input={{ size: 4 }}
              data-domain={d.key}
              onChange={(_, data) =>
                setTexts((old) => old.map((t, j) => (j === i ? data.value : t)))
              }
            />
          </Field>
        ))}
      </div>
      {!weights && (
        <Caption1 id={problemId} role="alert">
          {s.whatIfProblem}
        </Caption1>
      )}
      {weights && view && view.ranked === 0 && (
        <Caption1 block role="status" data-testid="what-if-none">
          {s.whatIfNone}
        </Caption1>
      )}
      {weights && view && view.ranked > 0 && (
        <>
          <Caption1 role="status" data-testid="what-if-changed">
            {s.whatIfChanged(view.changed, view.ranked)}
          </Caption1>
          <Caption1 block>{s.whatIfCells(label("composite", lang))}</Caption1>
          <table className={styles.table} data-testid="what-if-table">
            <thead>
              <tr>
                <th className={styles.cell} scope="col">
                  {s.kampung}
                </th>
                <th className={mergeClasses(styles.cell, styles.head)} scope="col">
                  {s.whatIfMethod}
                </th>
                <th className={mergeClasses(styles.cell, styles.head, styles.own)} scope="col">
                  {s.whatIfOwnShort}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={r.row}>
                  <th className={styles.cell} scope="row">
                    {r.name}
                  </th>
                  <td className={mergeClasses(styles.cell, styles.number)}>
                    {scoreAndRank(r.composite, r.rank, lang)}
                  </td>
                  <td className={mergeClasses(styles.cell, styles.number, styles.own)}>
                    {scoreAndRank(r.whatIfComposite, r.whatIfRank, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
