import * as React from "react";
import { makeStyles, ToggleButton, tokens } from "@fluentui/react-components";
import { Lang, strings } from "../i18n";

const useStyles = makeStyles({
  group: { display: "flex", columnGap: tokens.spacingHorizontalXS },
});

export interface LanguageSwitchProps {
  readonly lang: Lang;
  readonly onChange: (lang: Lang) => void;
}

/** Indonesian / English, as two toggle buttons (Tab, then Enter or Space). */
export function LanguageSwitch({ lang, onChange }: LanguageSwitchProps): React.JSX.Element {
  const styles = useStyles();
  const s = strings(lang);
  const option = (value: Lang, text: string, short: string) => (
    <ToggleButton
      size="small"
      appearance={lang === value ? "primary" : "subtle"}
      checked={lang === value}
      onClick={() => onChange(value)}
      lang={value}
      // The accessible name holds the visible text (WCAG 2.5.3, axe label-content-name-mismatch).
      aria-label={`${short} (${text})`}
      title={text}
    >
      {short}
    </ToggleButton>
  );
  return (
    <div role="group" aria-label={s.language} className={styles.group}>
      {option("id", s.languageId, "ID")}
      {option("en", s.languageEn, "EN")}
    </div>
  );
}
