/**
 * The task pane: three steps (Data, Periksa, Ringkasan), a language switch and "Tentang metode".
 * Inside Excel it works on the open workbook through the office.js adapter; outside Excel on an
 * .xlsx file the user opens, through the ExcelJS adapter loaded on demand.
 */
import * as React from "react";
import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import { Lang } from "../engine/framework";
import { SETARA } from "../engine/ibangga";
import { Issue } from "../engine/issues";
import { InputLocation } from "../excel";
import { AnalysisView, sameInputOfView } from "../workbook/read-view";
import { RoundSheet } from "../workbook/round-sheets";
import { CheckStep } from "./components/CheckStep";
import { WhatIfPanel } from "./components/WhatIfPanel";
import { DataStep } from "./components/DataStep";
import { HostBanner } from "./components/HostBanner";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { MethodPanel } from "./components/MethodPanel";
import { Progress } from "./components/ProgressPanel";
import { StepSection } from "./components/StepSection";
import { STEP_ORDER, StepKey, Steps, stepName } from "./components/Steps";
import { SummaryResult, SummaryStep } from "./components/SummaryStep";
import {
  insertTemplateInExcel,
  readInputInExcel,
  savedSettingsInExcel,
  selectCellInExcel,
  summarizeInExcel,
} from "./excel-session";
import { EngineError, paneEngine } from "./engine-client";
import { FileProgress } from "./engine-protocol";
import { bytesUrl, downloadBytes, summaryFileName } from "./file-session";
import { HostState, rememberLang } from "./host";
import { strings } from "./i18n";
import { lastRibbonResult, RIBBON_EVENT, RibbonEventDetail } from "./ribbon-event";
import { Loaded, Mode, Notice } from "./session";
import { checkWeights, choiceFromWeights, DEFAULT_CHOICE, WeightsChoice } from "./weights";

export type { HostState };

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    minWidth: "0",
    maxWidth: "720px",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    // Spacing comes from the layout's gaps, not from the browser's default margins.
    "& p, & h1, & h2, & h3": { marginTop: 0, marginBottom: 0 },
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  nav: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
});

export interface AppProps {
  readonly host: HostState;
  readonly initialLang: Lang;
}

function errorText(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === "string" ? e.message : String(error);
  return typeof e?.code === "string" ? `${e.code}: ${message}` : message;
}

/**
 * Where to read the data again inside Excel: a sheet read before is read as the one sheet
 * picked, so the other sheets that look like input are listed again (the round-sheets picker),
 * as when the saved settings name a sheet.
 */
function listingInputSheets(where: InputLocation): InputLocation {
  return where.kind === "sheet" ? { kind: "sheets", sheets: [{ sheet: where.sheet }] } : where;
}

export function App({ host, initialLang }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const mode: Mode = host.kind === "excel" ? "excel" : "file";
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [step, setStep] = React.useState<StepKey>("data");
  const [loaded, setLoadedState] = React.useState<Loaded | null>(null);
  /**
   * Counts reads of new data (another file, sheet, selection, hidden-rows choice): an input of
   * the summary. The same data read again in another language (for its messages) is not.
   */
  const [dataVersion, setDataVersion] = React.useState(0);
  const setLoaded = React.useCallback((next: Loaded | null) => {
    setLoadedState(next);
    setDataVersion((v) => v + 1);
  }, []);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [dataNotice, setDataNotice] = React.useState<Notice | null>(null);
  const [choice, setChoice] = React.useState<WeightsChoice>(DEFAULT_CHOICE);
  const [sheetLang, setSheetLang] = React.useState<Lang>(initialLang);
  const [includeCopies, setIncludeCopies] = React.useState(true);
  const [profilPrint, setProfilPrint] = React.useState(false);
  const [profilRegion, setProfilRegion] = React.useState("");
  const profil = profilPrint ? { profil: { region: profilRegion.trim() || null } } : {};
  const [running, setRunning] = React.useState(false);
  const [visibleOnly, setVisibleOnly] = React.useState(false);
  /** The round chosen to summarise (several rounds in the data); null: the latest. */
  const [periode, setPeriode] = React.useState<string | null>(null);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [summaryNotice, setSummaryNotice] = React.useState<Notice | null>(null);
  const [result, setResult] = React.useState<SummaryResult | null>(null);
  /**
   * The generation of the summary's inputs (data, languages, weights, round, options): a run
   * keeps its result only if no input changed while it ran; a change drops the shown result.
   */
  const summaryGeneration = React.useRef(0);
  /**
   * Summaries run one at a time, in the order of the clicks: a run dropped by a change of its
   * inputs goes on to its end (the engine worker and Excel's writes are not shared safely), and
   * a new run clicked meanwhile waits for it. `summaryChain` ends when the last run clicked ends;
   * `latestRun` numbers the clicks; `runsUnderWay` counts the runs not yet ended.
   */
  const summaryChain = React.useRef<Promise<void>>(Promise.resolve());
  const latestRun = React.useRef(0);
  const runsUnderWay = React.useRef(0);
  /** Runs clicked that wait for an earlier one and no change has dropped yet (G6). */
  const runsWaiting = React.useRef(new Set<number>());
  const [ribbon, setRibbon] = React.useState<RibbonEventDetail | null>(lastRibbonResult);
  const headings = React.useRef<Partial<Record<StepKey, HTMLHeadingElement | null>>>({});
  const moveFocus = React.useRef(false);
  const s = strings(lang);
  // The pane's language now (a run that ends after a switch speaks it).
  const langNow = React.useRef(lang);
  langNow.current = lang;

  const weightsCheck = checkWeights(choice);
  const weights = weightsCheck.ok ? weightsCheck.weights : SETARA;
  const weightsKey = `${weights.name}:${weights.values.join(",")}`;
  // A round chosen in other data (a file opened since, rows hidden since) is not kept.
  const rounds = loaded && !loaded.read.fatal ? loaded.read.rounds : null;
  const chosenRound = periode !== null && rounds?.some((r) => r.label === periode) ? periode : null;
  // Scores for the check step come from the engine's worker; a later request wins.
  const [analysis, setAnalysis] = React.useState<AnalysisView | null>(null);
  const analysisRequest = React.useRef(0);
  React.useEffect(() => {
    const request = ++analysisRequest.current;
    if (!loaded || loaded.read.fatal) {
      setAnalysis(null);
      return;
    }
    paneEngine(mode)
      .analyse(weights, lang, chosenRound ?? undefined)
      .then(
        (view) => {
          if (request === analysisRequest.current) setAnalysis(view);
        },
        () => {
          if (request === analysisRequest.current) setAnalysis(null);
        }
      );
    // weightsKey stands for weights (a new object on every render of custom weights).
  }, [loaded, weightsKey, lang, chosenRound]);

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // Any input of the summary changed: what was made from the old inputs is no longer current,
  // and a run under way is dropped: a new one can be started at once (it waits for the old one).
  React.useEffect(() => {
    summaryGeneration.current++;
    setResult(null);
    // A run that was waiting is dropped too: said (in the language now, `s` follows `lang`), so
    // the button coming back is not a mystery.
    const droppedWaiting = runsWaiting.current.size > 0;
    runsWaiting.current.clear();
    setSummaryNotice(droppedWaiting ? { intent: "info", text: s.summaryWaitingDropped } : null);
    setProgress(null);
    setRunning(false);
  }, [
    dataVersion,
    lang,
    sheetLang,
    weightsKey,
    chosenRound,
    includeCopies,
    profilPrint,
    profilRegion,
  ]);

  // What-if domain weights (not the study's method), computed in the engine's worker.
  const whatIf = React.useCallback(
    (domainWeights: readonly number[]) => paneEngine(mode).whatIf(domainWeights),
    [mode]
  );

  React.useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    headings.current[step]?.focus();
  }, [step]);

  // The summary file offered for download is released when replaced or when the pane closes.
  const fileUrl = result?.kind === "file" ? result.url : null;
  React.useEffect(() => {
    if (!fileUrl) return undefined;
    return () => URL.revokeObjectURL(fileUrl);
  }, [fileUrl]);

  React.useEffect(() => {
    const onRibbon = (event: Event) => {
      const detail = (event as CustomEvent<RibbonEventDetail>).detail;
      if (detail) setRibbon(detail);
    };
    window.addEventListener(RIBBON_EVENT, onRibbon);
    return () => window.removeEventListener(RIBBON_EVENT, onRibbon);
  }, []);

  const goTo = (next: StepKey) => {
    moveFocus.current = true;
    setStep(next);
  };

  const readFromExcel = React.useCallback(
    async (where: InputLocation, readLang: Lang, quietWhenMissing: boolean, again = false) => {
      // `again`: the data read before, read again in another language (not new data).
      const keep = again ? setLoadedState : setLoaded;
      // A read sends its rows to the engine that a summary under way reads and plans with (one
      // input at a time): it takes its turn after the summaries clicked before it, as a new
      // summary does, and a summary clicked meanwhile waits for it.
      const waiting = runsUnderWay.current > 0;
      setBusy(waiting ? strings(readLang).readWaiting : strings(readLang).reading);
      setDataNotice(null);
      let done = () => undefined as void;
      const mine = new Promise<void>((resolve) => {
        done = resolve;
      });
      const before = summaryChain.current;
      summaryChain.current = before.then(() => mine);
      try {
        await before;
        if (waiting) setBusy(strings(readLang).reading);
        const found = await readInputInExcel(where, readLang);
        if (found.view.fatal && quietWhenMissing) {
          keep(null);
          return;
        }
        keep({
          read: found.view,
          origin: { kind: "excel", location: found.location, fellBack: found.fellBack },
        });
        if (found.fellBack) setDataNotice({ intent: "warning", text: strings(readLang).fellBack });
      } catch (error) {
        setDataNotice({ intent: "error", text: strings(readLang).unexpected(errorText(error)) });
      } finally {
        setBusy(null);
        done();
      }
    },
    [setLoaded]
  );

  // Inside Excel: take the saved weights and language, and look for the data once.
  React.useEffect(() => {
    if (mode !== "excel") return;
    let cancelled = false;
    void (async () => {
      let where: InputLocation = { kind: "auto" };
      try {
        const saved = await savedSettingsInExcel();
        if (cancelled) return;
        if (saved.weights) setChoice(choiceFromWeights(saved.weights, initialLang));
        if (saved.lang) setSheetLang(saved.lang);
        // A saved sheet is read as the one sheet picked, so the other sheets that look like
        // input are listed too (rounds on separate sheets).
        if (saved.input?.kind === "sheet")
          where = { kind: "sheets", sheets: [{ sheet: saved.input.sheet }] };
        else if (saved.input && saved.input.kind !== "selection") where = saved.input;
      } catch {
        // No settings to restore: the defaults stand.
      }
      if (!cancelled) await readFromExcel(where, initialLang, true);
    })();
    return () => {
      cancelled = true;
    };
  }, [mode, initialLang, readFromExcel]);

  const changeLang = (next: Lang) => {
    if (next === lang) return;
    summaryGeneration.current++;
    setLang(next);
    setSheetLang(next);
    rememberLang(next);
    // What was said and written in the old language goes: the workbook is made again in the new one.
    setSummaryNotice(null);
    setResult(null);
    setProgress(null);
    setDataNotice(null);
    // Messages are made when the data is read: read again in the new language.
    if (!loaded) return;
    if (loaded.origin.kind === "file") {
      const origin = loaded.origin;
      paneEngine(mode)
        .read({ lang: next, ...sameInputOfView(loaded.read) })
        .then(
          (read) => setLoadedState({ read, origin }),
          (error: unknown) =>
            setDataNotice({ intent: "error", text: strings(next).unexpected(errorText(error)) })
        );
    } else {
      void readFromExcel(listingInputSheets(loaded.origin.location), next, false, true);
    }
  };

  /** Hidden rows in or out: the engine reads what it holds again (no new read of the file or sheet). */
  const changeVisibleOnly = (next: boolean) => {
    setVisibleOnly(next);
    if (!loaded || loaded.read.fatal) return;
    const origin = loaded.origin;
    // Inside Excel the sheets that look like input come from the read of the workbook, not
    // from the engine's read again: they stay listed (the round-sheets picker).
    const listed = loaded.read.inputSheets;
    paneEngine(mode)
      .read({ lang, ...sameInputOfView(loaded.read), visibleOnly: next })
      .then(
        (read) =>
          setLoaded({
            read:
              origin.kind === "excel" && !read.fatal && listed
                ? { ...read, inputSheets: listed }
                : read,
            origin,
          }),
        (error: unknown) => setDataNotice({ intent: "error", text: s.unexpected(errorText(error)) })
      );
  };

  /** Sheets picked as rounds (one: that sheet alone), read in place of what was read. */
  const readSheets = (picks: readonly RoundSheet[]) => {
    if (picks.length === 0) return;
    if (mode === "excel") {
      void readFromExcel({ kind: "sheets", sheets: picks }, lang, false);
      return;
    }
    if (loaded?.origin.kind !== "file") return;
    const origin = loaded.origin;
    setBusy(s.reading);
    setDataNotice(null);
    setResult(null);
    setSummaryNotice(null);
    setProgress(null);
    paneEngine(mode)
      .read({
        lang,
        ...(picks.length > 1 ? { sheets: picks } : { sheet: picks[0].sheet }),
        visibleOnly,
      })
      .then(
        (read) => setLoaded({ read, origin }),
        (error: unknown) => setDataNotice({ intent: "error", text: s.unexpected(errorText(error)) })
      )
      .finally(() => setBusy(null));
  };

  const insertTemplate = async () => {
    // Inserting writes the workbook in an Excel.run of its own: it takes its turn after the
    // summaries clicked before it, as a read does (readFromExcel), and then reads the new sheet.
    const waiting = runsUnderWay.current > 0;
    setBusy(waiting ? s.insertWaiting : s.reading);
    setDataNotice(null);
    let done = () => undefined as void;
    const mine = new Promise<void>((resolve) => {
      done = resolve;
    });
    const before = summaryChain.current;
    summaryChain.current = before.then(() => mine);
    let inserted: Notice | null = null;
    try {
      await before;
      if (waiting) setBusy(s.reading);
      const outcome = await insertTemplateInExcel(lang);
      const notice: Notice = {
        intent: outcome.inserted ? "success" : "warning",
        text: outcome.message,
      };
      setDataNotice(notice);
      if (outcome.inserted) inserted = notice;
    } catch (error) {
      setDataNotice({ intent: "error", text: s.unexpected(errorText(error)) });
    } finally {
      setBusy(null);
      done();
    }
    if (!inserted) return;
    await readFromExcel({ kind: "auto" }, lang, false);
    // What was inserted stays said, unless the read has something to say.
    const said = inserted;
    setDataNotice((current) => current ?? said);
  };

  const openFile = async (file: File) => {
    // A summary being made holds the open file in the engine: no other file until it is done.
    if (running) return;
    summaryGeneration.current++;
    setBusy(s.readingFile(file.name));
    setDataNotice(null);
    setResult(null);
    setSummaryNotice(null);
    setProgress(null);
    try {
      // The bytes move to the engine's worker, which parses and reads them there.
      const read = await paneEngine(mode).openFile(
        await file.arrayBuffer(),
        file.name,
        lang,
        visibleOnly
      );
      setLoaded({ read, origin: { kind: "file", name: file.name } });
    } catch (error) {
      setLoaded(null);
      const text =
        (error instanceof EngineError ? error.fileText : null) ?? s.unexpected(errorText(error));
      setDataNotice({ intent: "error", text });
    } finally {
      setBusy(null);
    }
  };

  const downloadTemplate = async () => {
    setBusy(s.loadingEngine);
    setDataNotice(null);
    try {
      downloadBytes(
        await paneEngine(mode).templateBytes(lang),
        lang === "id" ? "templat-kkb.xlsx" : "kkb-template.xlsx"
      );
    } catch (error) {
      setDataNotice({ intent: "error", text: s.unexpected(errorText(error)) });
    } finally {
      setBusy(null);
    }
  };

  const selectIssue = (issue: Issue) => {
    selectCellInExcel(issue.sheet, issue.cell).catch((error: unknown) =>
      setDataNotice({ intent: "error", text: s.unexpected(errorText(error)) })
    );
  };

  const openSheet = (sheet: string) => {
    selectCellInExcel(sheet, "A1").catch((error: unknown) =>
      setSummaryNotice({ intent: "error", text: s.unexpected(errorText(error)) })
    );
  };

  const runInExcel = async (current: () => boolean, superseded: () => boolean) => {
    const where =
      loaded?.origin.kind === "excel" ? loaded.origin.location : { kind: "auto" as const };
    const outcome = await summarizeInExcel({
      where,
      weights,
      lang: sheetLang,
      periode: chosenRound ?? undefined,
      ...profil,
      onProgress: (p) => {
        if (!current()) return;
        setProgress({
          fraction: p.step === "read" ? p.fraction * 0.3 : 0.3 + p.fraction * 0.7,
          message: p.message,
        });
      },
    });
    // Excel already holds the sheets: say they were made with the settings of the click
    // (unless a newer run, clicked since, is making them again).
    if (!current()) {
      if (outcome.ok && !superseded())
        setSummaryNotice({ intent: "warning", text: strings(langNow.current).summaryStale });
      return;
    }
    setProgress({ fraction: 1, message: outcome.ok ? s.progressDone : outcome.message });
    setSummaryNotice({ intent: outcome.ok ? "success" : "error", text: outcome.message });
    if (outcome.ok) setResult({ kind: "excel", sheets: outcome.sheets });
  };

  const runInBrowser = async (current: () => boolean) => {
    if (loaded?.origin.kind !== "file") return;
    const { name } = loaded.origin;
    setProgress({ fraction: null, message: s.loadingEngine });
    const progressText = (p: FileProgress) =>
      p.stage === "score"
        ? s.progressScore
        : p.stage === "sheet"
          ? s.progressSheet(p.sheet)
          : s.progressZip;
    const summary = await paneEngine(mode).summaryFile(
      {
        lang: sheetLang,
        weights,
        source: name,
        now: new Date(),
        includeCopies,
        periode: chosenRound ?? undefined,
        ...profil,
      },
      (p) => {
        if (current()) setProgress({ fraction: p.fraction, message: progressText(p) });
      }
    );
    // Made from inputs that have changed since (another file, language or option): dropped.
    if (!current()) return;
    const { kampung, errors, warnings } = summary.counts;
    setProgress({ fraction: 1, message: s.progressDone });
    setSummaryNotice({
      // Written, but with errors in the input: not a green "all is well".
      intent: errors > 0 ? "warning" : "success",
      text: s.fileReady(kampung, errors, warnings),
    });
    setResult({
      kind: "file",
      url: bytesUrl(summary.bytes),
      fileName: summaryFileName(name, sheetLang),
      sheets: summary.sheets,
    });
  };

  const runSummary = () => {
    const generation = summaryGeneration.current;
    const current = () => generation === summaryGeneration.current;
    const run = ++latestRun.current;
    const superseded = () => run !== latestRun.current;
    const waiting = runsUnderWay.current > 0;
    runsUnderWay.current++;
    if (waiting) runsWaiting.current.add(run);
    setRunning(true);
    setResult(null);
    setSummaryNotice(null);
    setProgress(
      waiting
        ? { fraction: null, message: s.summaryWaiting }
        : { fraction: 0, message: s.progressRead }
    );
    const go = async () => {
      runsWaiting.current.delete(run);
      try {
        // Dropped while it waited: nothing to make (the change said so).
        if (!current()) return;
        if (waiting) setProgress({ fraction: 0, message: s.progressRead });
        if (mode === "excel") await runInExcel(current, superseded);
        else await runInBrowser(current);
      } catch (error) {
        if (current()) {
          setProgress(null);
          setSummaryNotice({ intent: "error", text: s.failed(errorText(error)) });
        }
      } finally {
        runsUnderWay.current--;
        if (!superseded()) setRunning(false);
      }
    };
    summaryChain.current = summaryChain.current.then(go);
  };

  const hasData = loaded !== null && !loaded.read.fatal && loaded.read.kampung > 0;
  const index = STEP_ORDER.indexOf(step);
  const previous = index > 0 ? STEP_ORDER[index - 1] : null;
  const next = index < STEP_ORDER.length - 1 ? STEP_ORDER[index + 1] : null;

  return (
    <main className={styles.root} data-host={host.kind} lang={lang}>
      <header className={styles.header}>
        <div>
          <Subtitle1 block as="h1" className={styles.title}>
            {s.appTitle}
          </Subtitle1>
          <Body1 block as="p" className={styles.title}>
            {s.appSubtitle}
          </Body1>
        </div>
        <LanguageSwitch lang={lang} onChange={changeLang} />
      </header>
      <HostBanner state={host} lang={lang} />
      {ribbon && (
        <MessageBar intent={ribbon.ok ? "success" : "error"} layout="multiline">
          <MessageBarBody role="status">
            <MessageBarTitle>{s.ribbonResult}</MessageBarTitle>
            {ribbon.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {host.kind !== "loading" && <Steps current={step} onSelect={goTo} lang={lang} />}
      {host.kind !== "loading" && (
        <StepSection
          id={`kkb-step-${step}`}
          title={stepName(step, lang)}
          caption={s.stepOf(index + 1)}
          headingRef={(el) => {
            headings.current[step] = el;
          }}
        >
          {step === "data" && (
            <DataStep
              mode={mode}
              lang={lang}
              loaded={loaded}
              busy={busy}
              summaryRunning={running}
              notice={dataNotice}
              onInsertTemplate={() => void insertTemplate()}
              onFind={() => void readFromExcel({ kind: "auto" }, lang, false)}
              onUseSelection={() => void readFromExcel({ kind: "selection" }, lang, false)}
              onOpenFile={(file) => void openFile(file)}
              onDownloadTemplate={() => void downloadTemplate()}
              visibleOnly={visibleOnly}
              onVisibleOnly={changeVisibleOnly}
              onReadSheets={readSheets}
            />
          )}
          {step === "check" && (
            <CheckStep
              mode={mode}
              lang={lang}
              issues={loaded ? (analysis?.issues ?? loaded.read.issues) : null}
              kampung={analysis?.kampung ?? 0}
              preview={analysis?.preview ?? []}
              busy={busy !== null}
              onSelectIssue={selectIssue}
              onRecheck={() =>
                void readFromExcel(
                  loaded?.origin.kind === "excel"
                    ? listingInputSheets(loaded.origin.location)
                    : { kind: "auto" },
                  lang,
                  false
                )
              }
            />
          )}
          {step === "check" && loaded && !loaded.read.fatal && (analysis?.kampung ?? 0) > 0 && (
            <WhatIfPanel lang={lang} compute={whatIf} />
          )}
          {step === "summary" && (
            <SummaryStep
              mode={mode}
              lang={lang}
              weights={choice}
              onWeights={setChoice}
              sheetLang={sheetLang}
              onSheetLang={setSheetLang}
              includeCopies={includeCopies}
              onIncludeCopies={setIncludeCopies}
              profilPrint={profilPrint}
              onProfilPrint={setProfilPrint}
              profilRegion={profilRegion}
              onProfilRegion={setProfilRegion}
              hasData={hasData}
              noKampung={loaded !== null && !loaded.read.fatal && loaded.read.kampung === 0}
              // Not while data is read: its result would replace the data the summary is made from
              // (in Excel, two reads at once would also mix their rows in the engine).
              canRun={hasData && weightsCheck.ok && busy === null}
              running={running}
              progress={progress}
              notice={summaryNotice}
              result={result}
              onRun={runSummary}
              onOpenSheet={openSheet}
              rounds={rounds}
              periode={chosenRound}
              onPeriode={setPeriode}
            />
          )}
          <div className={styles.nav}>
            {previous && (
              <Button appearance="secondary" onClick={() => goTo(previous)}>
                {s.back(stepName(previous, lang))}
              </Button>
            )}
            {next && (
              <Button
                appearance="primary"
                onClick={() => goTo(next)}
                data-testid="next-step"
                // Nothing to check before data is found.
                disabledFocusable={step === "data" && (!loaded || loaded.read.fatal)}
              >
                {s.next(stepName(next, lang))}
              </Button>
            )}
          </div>
        </StepSection>
      )}
      <MethodPanel lang={lang} />
    </main>
  );
}
