import * as React from "react";
import {
  Caption1,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from "@fluentui/react-components";
import { DIMENSIONS } from "../../engine/framework";
import { normalisedWeights } from "../../engine/ibangga";
import { Lang, formatPercent, strings } from "../i18n";
import { checkWeights, WeightMode, WeightsChoice } from "../weights";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  // One box under the other: three labels side by side ran together in a 320 px pane.
  custom: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
  },
  input: { minWidth: "0", width: "100%", maxWidth: "160px" },
  problem: { color: tokens.colorPaletteRedForeground1, paddingLeft: tokens.spacingHorizontalM },
});

export interface WeightsFormProps {
  readonly value: WeightsChoice;
  readonly onChange: (value: WeightsChoice) => void;
  readonly lang: Lang;
}

/** The iBangga weights: equal, self-reliance-centred, or three of the user's own, checked. */
export function WeightsForm({ value, onChange, lang }: WeightsFormProps): React.JSX.Element {
  const styles = useStyles();
  const s = strings(lang);
  const problemId = React.useId();
  const check = checkWeights(value);
  const problem = check.ok
    ? null
    : check.problem === "empty"
      ? s.weightEmpty
      : s.weightProblems[check.problem];
  const shares = check.ok
    ? normalisedWeights(check.weights)
        .map((w, d) => `${DIMENSIONS[d].label[lang]} ${formatPercent(w, lang)}`)
        .join(" · ")
    : null;
  const setWeight = (index: number, text: string) => {
    const custom = [...value.custom] as [string, string, string];
    custom[index] = text;
    onChange({ ...value, custom });
  };
  return (
    <div className={styles.root}>
      <Field label={s.weightsTitle} hint={s.weightsHelp}>
        <RadioGroup
          value={value.mode}
          onChange={(_, data) => onChange({ ...value, mode: data.value as WeightMode })}
        >
          <Radio value="setara" label={s.weightsSetara} />
          <Radio value="kemandirian-sentral" label={s.weightsSentral} />
          <Radio value="custom" label={s.weightsCustom} />
        </RadioGroup>
      </Field>
      {value.mode === "custom" && (
        <div className={styles.custom} role="group" aria-label={s.weightsCustom}>
          {DIMENSIONS.map((dim, d) => {
            const invalid = !check.ok && check.fields.includes(d);
            return (
              // One message for the three boxes (below them): a message per box would say the
              // same thing three times and push the boxes out of line.
              <Field
                key={dim.key}
                label={dim.label[lang]}
                validationState={invalid ? "error" : "none"}
              >
                <Input
                  aria-describedby={invalid ? problemId : undefined}
                  value={value.custom[d]}
                  inputMode="decimal"
                  className={styles.input}
                  input={{ size: 6 }}
                  onChange={(_, data) => setWeight(d, data.value)}
                  data-dimension={dim.key}
                />
              </Field>
            );
          })}
        </div>
      )}
      {value.mode === "custom" && problem && (
        <Caption1
          id={problemId}
          role="alert"
          className={styles.problem}
          data-testid="weight-problem"
        >
          {problem}
        </Caption1>
      )}
      {shares && (
        <Caption1 role="status" data-testid="weight-shares">
          {s.weightsShares(shares)}
        </Caption1>
      )}
    </div>
  );
}
