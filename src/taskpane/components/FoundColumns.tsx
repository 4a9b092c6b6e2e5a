import * as React from "react";
import {
  Body1,
  Body1Strong,
  Caption1,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircle16Filled, DismissCircle16Filled } from "@fluentui/react-icons";
import { DIMENSIONS, DOMAINS } from "../../engine/framework";
import { ReadView } from "../../workbook/read-view";
import { Lang, formatNumber, strings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  domains: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  subs: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  sub: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXXS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  no: { color: tokens.colorPaletteRedForeground1 },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

export interface FoundColumnsProps {
  /** What the engine read (its overview is in the language it was read in). */
  readonly read: ReadView;
  readonly lang: Lang;
}

/** What the reader found: kampung rows, the 15 sub-indicators domain by domain, iBangga. */
export function FoundColumns({ read, lang }: FoundColumnsProps): React.JSX.Element {
  const styles = useStyles();
  const s = strings(lang);
  const { overview } = read;
  if (overview.fatal) {
    return (
      // Announced at once, as the other file errors are (NoticeBar).
      <section
        className={styles.root}
        aria-label={s.foundTitle}
        role="alert"
        data-testid="found-fatal"
      >
        <Subtitle2 block as="h3">
          {s.fatal}
        </Subtitle2>
        {overview.errors.map((e, i) => (
          <Body1 block key={i} data-testid="fatal-reason">
            {e.message}
          </Body1>
        ))}
      </section>
    );
  }
  const sub = read.columns?.sub ?? [];
  const found = overview.subIndicatorsFound.length;
  const ibanggaText =
    overview.ibangga === "dimensions"
      ? s.ibanggaDimensions
      : overview.ibangga === "sub-indicators"
        ? s.ibanggaSubs
        : overview.ibangga === "mixed"
          ? s.ibanggaMixed
          : s.ibanggaNone;
  const subColumns = read.columns?.ibanggaSub ?? [];
  return (
    <section className={styles.root} aria-label={s.foundTitle} data-testid="found-columns">
      <Subtitle2 block as="h3">
        {s.foundTitle}
      </Subtitle2>
      <Body1>{foundText(read, s, lang)}</Body1>
      {overview.sourceRange && <Caption1>{s.foundRange(overview.sourceRange)}</Caption1>}
      <Body1>
        {found === sub.length && found > 0
          ? s.subAllFound
          : s.subFound(formatNumber(found, lang), formatNumber(sub.length || 15, lang))}
      </Body1>
      <ul className={styles.domains}>
        {DOMAINS.map((domain, d) => (
          <li key={domain.key}>
            <Body1Strong as="span">{domain.label[lang]}</Body1Strong>
            <ul className={styles.subs}>
              {domain.subIndicators.map((item, i) => {
                const ok = sub[d * 3 + i] != null;
                return (
                  <li key={item.key} className={styles.sub}>
                    {ok ? (
                      <CheckmarkCircle16Filled className={styles.ok} aria-hidden />
                    ) : (
                      <DismissCircle16Filled className={styles.no} aria-hidden />
                    )}
                    <Caption1>{item.label[lang]}</Caption1>
                    <span className={styles.hidden}>{ok ? s.found : s.missing}</span>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      {overview.subIndicatorsMissing.length > 0 && (
        <div>
          <Body1Strong className={styles.missing}>
            {`${s.subMissingTitle}: ${overview.subIndicatorsMissing.join(", ")}`}
          </Body1Strong>
          <Caption1 block as="p">
            {s.subMissingHelp}
          </Caption1>
        </div>
      )}
      <Body1>{ibanggaText}</Body1>
      {overview.ibangga !== "none" && overview.ibangga !== "dimensions" && (
        <Caption1>
          {DIMENSIONS.map((dim, d) =>
            s.ibanggaSubCount(dim.label[lang], formatNumber(subColumns[d]?.length ?? 0, lang))
          ).join("; ")}
        </Caption1>
      )}
      {overview.dimensionsMissing.length > 0 && (
        <Body1 className={styles.missing}>
          {s.ibanggaMissing(overview.dimensionsMissing.join(", "))}
        </Body1>
      )}
    </section>
  );
}

/** `29 kampung di lembar "Data"`; rows of several rounds counted as rows, in their rounds. */
function foundText(read: ReadView, s: ReturnType<typeof strings>, lang: Lang): string {
  const n = formatNumber(read.overview.kampung, lang);
  const sheets = read.roundSheets && read.roundSheets.length > 1 ? read.roundSheets.length : 0;
  const rounds = read.rounds?.length ?? 0;
  if (rounds > 1)
    return sheets > 0
      ? s.foundRoundRowsSheets(n, rounds, sheets)
      : s.foundRoundRows(n, rounds, read.overview.sheet);
  return sheets > 0 ? s.foundRowsSheets(n, sheets) : s.foundRows(n, read.overview.sheet);
}
