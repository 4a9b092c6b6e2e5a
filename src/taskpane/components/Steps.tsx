import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Lang, strings } from "../i18n";

export type StepKey = "data" | "check" | "summary";

export const STEP_ORDER: readonly StepKey[] = ["data", "check", "summary"];

export function stepName(step: StepKey, lang: Lang): string {
  const s = strings(lang);
  return step === "data" ? s.stepData : step === "check" ? s.stepCheck : s.stepSummary;
}

const useStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(88px, 1fr))",
    gap: tokens.spacingHorizontalXS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  item: { display: "flex" },
  button: {
    width: "100%",
    minWidth: "0",
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
  },
});

export interface StepsProps {
  readonly current: StepKey;
  readonly onSelect: (step: StepKey) => void;
  readonly lang: Lang;
}

/** The three steps as buttons in Tab order; the current one is marked `aria-current="step"`. */
export function Steps({ current, onSelect, lang }: StepsProps): React.JSX.Element {
  const styles = useStyles();
  const s = strings(lang);
  return (
    <nav aria-label={s.stepsLabel}>
      <ol className={styles.list}>
        {STEP_ORDER.map((step, i) => (
          <li key={step} className={styles.item}>
            <Button
              className={styles.button}
              appearance={step === current ? "primary" : "secondary"}
              aria-current={step === current ? "step" : undefined}
              onClick={() => onSelect(step)}
              data-step={step}
            >
              {`${i + 1}. ${stepName(step, lang)}`}
            </Button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
