import * as React from "react";
import { Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { DECIMALS } from "../../engine/framework";
import { label } from "../../workbook/labels";
import { PreviewKampung } from "../../workbook/read-view";
import { Lang, formatNumber, strings } from "../i18n";

const MAX_ROWS = 20;

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%" },
  cell: {
    textAlign: "start",
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
});

export interface ScorePreviewProps {
  /** The first kampung (at most 20 are shown). */
  readonly kampung: readonly PreviewKampung[];
  /** How many kampung there are in all (default: as many as given). */
  readonly total?: number;
  readonly lang: Lang;
}

/** Each kampung's composite score (the first 20), in the display locale (1,48 in Indonesian). */
export function ScorePreview({
  kampung,
  total = kampung.length,
  lang,
}: ScorePreviewProps): React.JSX.Element | null {
  const styles = useStyles();
  if (kampung.length === 0) return null;
  const s = strings(lang);
  const shown = kampung.slice(0, MAX_ROWS);
  return (
    <section aria-labelledby="kkb-preview-title">
      <Subtitle2 block as="h3" id="kkb-preview-title">
        {s.previewTitle}
      </Subtitle2>
      <table className={styles.table} data-testid="score-preview">
        <thead>
          <tr>
            <th className={styles.cell} scope="col">
              {s.kampung}
            </th>
            <th className={mergeClasses(styles.cell, styles.number)} scope="col">
              {label("composite", lang)}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((k) => (
            <tr key={k.row}>
              <th className={styles.cell} scope="row">
                {k.name}
              </th>
              <td className={mergeClasses(styles.cell, styles.number)}>
                {k.composite === null
                  ? s.previewNone
                  : formatNumber(k.composite, lang, DECIMALS.composite)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > shown.length && (
        <Caption1>{s.previewMore(formatNumber(total - shown.length, lang))}</Caption1>
      )}
    </section>
  );
}
