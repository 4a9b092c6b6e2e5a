/**
 * Rounds kept on separate sheets (issue 14 item 7): when several sheets look like KKB input,
 * the user ticks those that are each one assessment round and reads them together. A sheet's
 * round comes from its Periode column, else its name; when neither gives one, the user types it.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Label,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { parsePeriode } from "../../workbook/periode";
import { InputSheet, RoundSheet } from "../../workbook/round-sheets";
import { Lang, strings } from "../i18n";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  typed: { marginLeft: tokens.spacingHorizontalXXL, maxWidth: "260px" },
  button: { alignSelf: "flex-start", maxWidth: "100%" },
});

export interface RoundSheetsPickerProps {
  readonly lang: Lang;
  /** The sheets that look like input (two or more). */
  readonly sheets: readonly InputSheet[];
  /** The sheets read now (one sheet, or several as rounds). */
  readonly picked: readonly RoundSheet[];
  /**
   * While the pane is busy: the controls keep their focus (aria-disabled, not `disabled`, which
   * drops the focus to the page's body) and changes are ignored.
   */
  readonly disabled: boolean;
  readonly onRead: (picks: readonly RoundSheet[]) => void;
}

/** Whether a sheet needs its round typed: no Periode column and a name that names none. */
const needsRound = (sheet: InputSheet) => !sheet.hasPeriode && sheet.nameRound === null;

export function RoundSheetsPicker(props: RoundSheetsPickerProps): React.JSX.Element {
  const { lang, sheets, picked, disabled } = props;
  const styles = useStyles();
  const s = strings(lang);
  const id = React.useId();
  const [checked, setChecked] = React.useState<ReadonlySet<string>>(
    () => new Set(picked.map((p) => p.sheet))
  );
  const [typed, setTyped] = React.useState<Readonly<Record<string, string>>>(() =>
    Object.fromEntries(picked.filter((p) => p.periode).map((p) => [p.sheet, p.periode!]))
  );
  const chosen = sheets.filter((sheet) => checked.has(sheet.sheet));
  const typedOk = (sheet: InputSheet) => parsePeriode(typed[sheet.sheet] ?? "").ok;
  // One sheet needs no round; several need one each.
  const ready =
    chosen.length === 1 ||
    (chosen.length > 1 && chosen.every((sheet) => !needsRound(sheet) || typedOk(sheet)));
  const toggle = (sheet: string, on: boolean) => {
    if (disabled) return;
    const next = new Set(checked);
    if (on) next.add(sheet);
    else next.delete(sheet);
    setChecked(next);
  };
  const read = () =>
    props.onRead(
      chosen.map((sheet) =>
        needsRound(sheet) && chosen.length > 1
          ? { sheet: sheet.sheet, periode: (typed[sheet.sheet] ?? "").trim() }
          : { sheet: sheet.sheet }
      )
    );
  const roundText = (sheet: InputSheet) =>
    sheet.hasPeriode
      ? s.roundFromColumn
      : sheet.nameRound !== null
        ? s.roundFromName(sheet.nameRound)
        : s.roundNeeded;
  return (
    <div
      className={styles.group}
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-help`}
      data-testid="round-sheets"
    >
      <Label id={`${id}-title`} weight="semibold">
        {s.roundSheets}
      </Label>
      <Caption1 id={`${id}-help`}>{s.roundSheetsHelp}</Caption1>
      <div className={styles.list}>
        {sheets.map((sheet) => {
          const on = checked.has(sheet.sheet);
          const value = typed[sheet.sheet] ?? "";
          return (
            <React.Fragment key={sheet.sheet}>
              <Checkbox
                // A hidden sheet is marked, as the CLI's SHEET_OTHER_INPUTS marks it.
                label={`${sheet.sheet}${sheet.hidden ? ` ${s.hiddenSheet}` : ""} (${roundText(sheet)})`}
                checked={on}
                aria-disabled={disabled}
                onChange={(_event, data) => toggle(sheet.sheet, data.checked === true)}
              />
              {on && needsRound(sheet) && chosen.length > 1 && (
                <Field
                  className={styles.typed}
                  label={s.roundTyped(sheet.sheet)}
                  hint={s.roundTypedHelp}
                  required
                  validationState={value.trim() !== "" && !typedOk(sheet) ? "error" : "none"}
                  validationMessage={
                    value.trim() !== "" && !typedOk(sheet) ? s.roundTypedInvalid : undefined
                  }
                >
                  <Input
                    value={value}
                    aria-disabled={disabled}
                    onChange={(_event, data) => {
                      if (!disabled) setTyped({ ...typed, [sheet.sheet]: data.value });
                    }}
                  />
                </Field>
              )}
            </React.Fragment>
          );
        })}
      </div>
      <Button
        className={styles.button}
        appearance="secondary"
        disabledFocusable={disabled || !ready}
        onClick={read}
        data-testid="read-round-sheets"
      >
        {s.readRoundSheets(chosen.length)}
      </Button>
    </div>
  );
}
