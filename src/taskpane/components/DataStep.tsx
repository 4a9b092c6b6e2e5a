import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { Lang, strings } from "../i18n";
import { Loaded, Mode, Notice } from "../session";
import { RoundSheet } from "../../workbook/round-sheets";
import { ReadView } from "../../workbook/read-view";
import { FoundColumns } from "./FoundColumns";
import { RoundSheetsPicker } from "./RoundSheetsPicker";
import { NoticeBar } from "./NoticeBar";

const useStyles = makeStyles({
  actions: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  action: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  button: { alignSelf: "flex-start", maxWidth: "100%" },
});

export interface DataStepProps {
  readonly mode: Mode;
  readonly lang: Lang;
  readonly loaded: Loaded | null;
  /** What the pane is doing, in words, or null when idle. */
  readonly busy: string | null;
  /** A summary is being made from the open file: another file cannot be opened meanwhile. */
  readonly summaryRunning?: boolean;
  readonly notice: Notice | null;
  readonly onInsertTemplate: () => void;
  readonly onFind: () => void;
  readonly onUseSelection: () => void;
  readonly onOpenFile: (file: File) => void;
  readonly onDownloadTemplate: () => void;
  /** Hidden rows left out (by default they count, as in Excel's AVERAGE). */
  readonly visibleOnly: boolean;
  readonly onVisibleOnly: (visibleOnly: boolean) => void;
  /** Reads these sheets (several: as rounds); offered when several sheets look like input. */
  readonly onReadSheets?: (picks: readonly RoundSheet[]) => void;
}

/** Step 1: where the data comes from, and what was found in it. */
export function DataStep(props: DataStepProps): React.JSX.Element {
  const { mode, lang, loaded, busy, notice } = props;
  const styles = useStyles();
  const s = strings(lang);
  const fileId = React.useId();
  const fileInput = React.useRef<HTMLInputElement>(null);
  // Not `disabled`: a disabled control loses the keyboard focus (it went to the page's body).
  const fileLocked = busy !== null || props.summaryRunning === true;
  const action = (text: string, help: string, onClick: () => void, primary = false) => (
    <div className={styles.action}>
      <Button
        className={styles.button}
        appearance={primary ? "primary" : "secondary"}
        onClick={onClick}
        disabledFocusable={busy !== null}
      >
        {text}
      </Button>
      <Caption1>{help}</Caption1>
    </div>
  );
  return (
    <>
      <Body1 block as="p">
        {s.dataIntro}
      </Body1>
      {mode === "excel" ? (
        <div className={styles.actions}>
          {action(s.findData, s.findDataHelp, props.onFind, true)}
          {action(s.useSelection, s.useSelectionHelp, props.onUseSelection)}
          {action(s.insertTemplate, s.insertTemplateHelp, props.onInsertTemplate)}
        </div>
      ) : (
        <div className={styles.actions}>
          <div className={styles.action}>
            {/*
              A button of the pane's own, in the pane's language, opens the browser's file
              dialog: the browser's own control said "Choose File / No file chosen" in the
              browser's language whatever the pane's. The input itself is out of sight and out
              of the tab order.
            */}
            <Button
              className={styles.button}
              // One primary action per view: once a file is read, "Lanjut ke Periksa" is it.
              appearance={loaded && !loaded.read.fatal ? "secondary" : "primary"}
              aria-describedby={`${fileId}-hint`}
              aria-busy={busy !== null}
              // Not `disabled`: a disabled control loses the keyboard focus.
              disabledFocusable={fileLocked}
              data-testid="open-file"
              onClick={() => {
                if (!fileLocked) fileInput.current?.click();
              }}
            >
              {s.openFile}
            </Button>
            <input
              ref={fileInput}
              type="file"
              hidden
              tabIndex={-1}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              data-testid="file-input"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file && !fileLocked) props.onOpenFile(file);
                // Emptied, so that the same file can be opened again.
                event.currentTarget.value = "";
              }}
            />
            <Caption1 id={`${fileId}-hint`}>
              {props.summaryRunning ? s.fileLocked : s.openFileHelp}
            </Caption1>
            <div role="status" aria-live="polite">
              {loaded?.origin.kind === "file" && (
                // A finished read is said politely.
                <Body1 data-testid="opened-file">{s.openedFile(loaded.origin.name)}</Body1>
              )}
            </div>
          </div>
          {action(s.downloadTemplate, s.downloadTemplateHelp, props.onDownloadTemplate)}
        </div>
      )}
      <div className={styles.action}>
        <Checkbox
          label={s.visibleOnly}
          checked={props.visibleOnly}
          // Not `disabled` (the focus would drop to the page's body): a change while busy is ignored.
          aria-disabled={busy !== null}
          aria-describedby={`${fileId}-visible`}
          onChange={(_event, data) => {
            if (busy === null) props.onVisibleOnly(data.checked === true);
          }}
        />
        <Caption1 id={`${fileId}-visible`}>{s.visibleOnlyHelp}</Caption1>
      </div>
      {loaded && props.onReadSheets && (loaded.read.inputSheets?.length ?? 0) > 1 && (
        <RoundSheetsPicker
          // A new read (another file, another pick) starts the list afresh.
          key={(loaded.read.roundSheets ?? [{ sheet: loaded.read.sheet }])
            .map((p) => p.sheet)
            .join("\u0000")}
          lang={lang}
          sheets={loaded.read.inputSheets ?? []}
          picked={loaded.read.roundSheets ?? [{ sheet: loaded.read.sheet }]}
          disabled={busy !== null}
          onRead={props.onReadSheets}
        />
      )}
      {loaded && props.onReadSheets && !loaded.read.roundSheets && (
        <OtherInputSheets read={loaded.read} lang={lang} />
      )}
      {busy && <Spinner size="tiny" label={busy} labelPosition="after" />}
      <NoticeBar notice={notice} />
      {loaded ? (
        <FoundColumns read={loaded.read} lang={lang} />
      ) : (
        !busy && <Body1>{mode === "excel" ? s.noData : s.noDataFile}</Body1>
      )}
    </>
  );
}

/**
 * Other sheets that look like input while one is read: said in words (as the CLI's
 * SHEET_OTHER_INPUTS), not only by the unticked boxes of the list above.
 */
function OtherInputSheets({
  read,
  lang,
}: {
  readonly read: ReadView;
  readonly lang: Lang;
}): React.JSX.Element | null {
  const others = (read.inputSheets ?? []).filter((x) => x.sheet !== read.sheet);
  if (others.length === 0 || read.fatal) return null;
  const list = others.map((x) => `"${x.sheet}"`).join(", ");
  return (
    <Body1 block data-testid="other-input-sheets">
      {strings(lang).otherInputSheets(list, read.sheet)}
    </Body1>
  );
}
