import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  tokens,
} from "@fluentui/react-components";
import { Lang, strings } from "../i18n";
import { Mode, Notice } from "../session";
import { WeightsChoice } from "../weights";
import { NoticeBar } from "./NoticeBar";
import { Progress, ProgressPanel } from "./ProgressPanel";
import { DownloadLink, SheetLinks } from "./SheetLinks";
import { WeightsForm } from "./WeightsForm";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  button: { alignSelf: "flex-start", maxWidth: "100%" },
});

export type SummaryResult =
  | { readonly kind: "excel"; readonly sheets: readonly string[] }
  | {
      readonly kind: "file";
      readonly url: string;
      readonly fileName: string;
      readonly sheets: readonly string[];
    };

export interface SummaryStepProps {
  readonly mode: Mode;
  readonly lang: Lang;
  readonly weights: WeightsChoice;
  readonly onWeights: (choice: WeightsChoice) => void;
  readonly sheetLang: Lang;
  readonly onSheetLang: (lang: Lang) => void;
  readonly includeCopies: boolean;
  readonly onIncludeCopies: (include: boolean) => void;
  /** Issue 15: also write KKB Profil Cetak, for all kampung or one region. */
  readonly profilPrint: boolean;
  readonly onProfilPrint: (print: boolean) => void;
  readonly profilRegion: string;
  readonly onProfilRegion: (region: string) => void;
  readonly hasData: boolean;
  /** Data was read but has no kampung rows under its header row. */
  readonly noKampung?: boolean;
  /** Whether the button may run (valid weights, data present). */
  readonly canRun: boolean;
  readonly running: boolean;
  readonly progress: Progress | null;
  readonly notice: Notice | null;
  readonly result: SummaryResult | null;
  readonly onRun: () => void;
  readonly onOpenSheet: (sheet: string) => void;
  /** The data's rounds, oldest first, when there are several; null otherwise. */
  readonly rounds?: readonly { readonly label: string; readonly count: number }[] | null;
  /** The chosen round (a label of `rounds`); null for the latest. */
  readonly periode?: string | null;
  readonly onPeriode?: (periode: string | null) => void;
}

/** The round to summarise: the latest first (the default), each with its count. */
function PeriodeSelect(props: {
  readonly rounds: readonly { readonly label: string; readonly count: number }[];
  readonly value: string | null;
  readonly onChange: (periode: string | null) => void;
  readonly lang: Lang;
}): React.JSX.Element {
  const s = strings(props.lang);
  const fmt = new Intl.NumberFormat(props.lang === "id" ? "id-ID" : "en-US");
  const latest = props.rounds[props.rounds.length - 1].label;
  const newestFirst = [...props.rounds].reverse();
  return (
    <Field label={s.periode} hint={s.periodeHelp}>
      <Select
        value={props.value ?? latest}
        onChange={(_, data) => props.onChange(data.value === latest ? null : data.value)}
        data-testid="periode"
      >
        {newestFirst.map((r) => (
          <option key={r.label} value={r.label}>
            {s.periodeOption(r.label, fmt.format(r.count), r.label === latest)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Step 3: weights, options, one button, progress, and the sheets written. */
export function SummaryStep(props: SummaryStepProps): React.JSX.Element {
  const { mode, lang, result } = props;
  const styles = useStyles();
  const s = strings(lang);
  return (
    <div className={styles.root}>
      {props.rounds && props.rounds.length > 1 && (
        <PeriodeSelect
          rounds={props.rounds}
          value={props.periode ?? null}
          onChange={(p) => props.onPeriode?.(p)}
          lang={lang}
        />
      )}
      <WeightsForm value={props.weights} onChange={props.onWeights} lang={lang} />
      <Field label={s.sheetLanguage}>
        <RadioGroup
          layout="horizontal"
          value={props.sheetLang}
          onChange={(_, data) => props.onSheetLang(data.value === "en" ? "en" : "id")}
        >
          <Radio value="id" label={s.languageId} />
          <Radio value="en" label={s.languageEn} />
        </RadioGroup>
      </Field>
      {mode === "file" && (
        <Checkbox
          checked={props.includeCopies}
          onChange={(_, data) => props.onIncludeCopies(data.checked === true)}
          label={s.includeCopies}
        />
      )}
      <Checkbox
        checked={props.profilPrint}
        onChange={(_, data) => props.onProfilPrint(data.checked === true)}
        label={s.profilPrint}
      />
      {props.profilPrint && (
        <Field label={s.profilRegion} hint={s.profilRegionHelp}>
          <Input
            value={props.profilRegion}
            onChange={(_, data) => props.onProfilRegion(data.value)}
          />
        </Field>
      )}
      <div>
        <Button
          className={styles.button}
          appearance="primary"
          size="large"
          onClick={props.onRun}
          disabledFocusable={!props.canRun || props.running}
          data-testid="run-summary"
        >
          {mode === "excel" ? s.generateExcel : s.generateFile}
        </Button>
        <Caption1 block as="p">
          {mode === "excel" ? s.generateHelpExcel : s.generateHelpFile}
        </Caption1>
      </div>
      <ProgressPanel progress={props.progress} lang={lang} />
      <NoticeBar notice={props.notice} />
      {result?.kind === "excel" && (
        <SheetLinks sheets={result.sheets} lang={lang} onOpen={props.onOpenSheet} />
      )}
      {result?.kind === "file" && (
        <DownloadLink
          url={result.url}
          fileName={result.fileName}
          sheets={result.sheets}
          lang={lang}
        />
      )}
      {!props.hasData && (
        <Body1 data-testid="summary-no-data">
          {props.noKampung ? s.noKampungRows : s.needData}
        </Body1>
      )}
    </div>
  );
}
