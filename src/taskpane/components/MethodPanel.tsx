import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Body1Strong,
  Caption1,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { DOMAINS, IBANGGA_BAND_LIMITS, RUBRIC } from "../../engine/framework";
import { Lang, formatNumber, strings } from "../i18n";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  table: { borderCollapse: "collapse", width: "100%" },
  cell: {
    textAlign: "start",
    verticalAlign: "top",
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface MethodPanelProps {
  readonly lang: Lang;
}

/** "Tentang metode": the rubric, the five domains, how the scores and iBangga are computed. */
export function MethodPanel({ lang }: MethodPanelProps): React.JSX.Element {
  const styles = useStyles();
  const s = strings(lang);
  return (
    <Accordion collapsible>
      <AccordionItem value="method">
        <AccordionHeader as="h2">{s.methodTitle}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <Body1 block as="p">
            {s.methodIntro}
          </Body1>
          <Subtitle2 block as="h3">
            {s.methodRubricTitle}
          </Subtitle2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th className={styles.cell} scope="col">
                  {s.score}
                </th>
                <th className={styles.cell} scope="col">
                  {s.meaning}
                </th>
              </tr>
            </thead>
            <tbody>
              {RUBRIC.map((r) => (
                <tr key={r.value}>
                  <td className={styles.cell}>{formatNumber(r.value, lang)}</td>
                  <td className={styles.cell}>{r.meaning[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Caption1 block as="p">
            {s.methodRubricNote}
          </Caption1>
          <Subtitle2 block as="h3">
            {s.methodDomainsTitle}
          </Subtitle2>
          <ul className={styles.list}>
            {DOMAINS.map((d) => (
              <li key={d.key}>
                <Body1Strong>{d.label[lang]}</Body1Strong>
                <Body1>{`: ${d.help[lang]}`}</Body1>
              </li>
            ))}
          </ul>
          <Subtitle2 block as="h3">
            {s.methodScoresTitle}
          </Subtitle2>
          <ul className={styles.list}>
            <li>
              <Body1>{s.methodDomainScore}</Body1>
            </li>
            <li>
              <Body1>{s.methodComposite}</Body1>
            </li>
            <li>
              <Body1>{s.methodMissing}</Body1>
            </li>
          </ul>
          <Subtitle2 block as="h3">
            {s.methodIbanggaTitle}
          </Subtitle2>
          <Body1 block as="p">
            {s.methodIbangga}
          </Body1>
          <Body1 block as="p">
            {s.methodBands(
              formatNumber(IBANGGA_BAND_LIMITS.rentanBelow, lang),
              formatNumber(IBANGGA_BAND_LIMITS.tangguhAbove, lang)
            )}
          </Body1>
          <Caption1 block as="p">
            {s.methodReading}
          </Caption1>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
