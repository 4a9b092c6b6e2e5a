import * as React from "react";
import { Body1, Caption1, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";

/** Where the pane runs: inside Excel, inside another Office host, or outside Office. */
export type HostState =
  | { readonly kind: "loading" }
  | { readonly kind: "excel" }
  | { readonly kind: "other-host"; readonly host: string }
  | { readonly kind: "no-office" };

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
  },
});

export function hostMessage(state: HostState): { id: string; en: string } {
  switch (state.kind) {
    case "loading":
      return { id: "Memeriksa Excel...", en: "Checking for Excel..." };
    case "excel":
      return { id: "Excel terhubung.", en: "Excel is connected." };
    case "other-host":
      return {
        id: `Berjalan di ${state.host}, bukan Excel: fungsi KKB hanya tersedia di Excel.`,
        en: `Running in ${state.host}, not Excel: the KKB functions work only in Excel.`,
      };
    case "no-office":
      return {
        id: "Berjalan di luar Office: Excel tidak ada. Buka add-in ini dari Excel.",
        en: "Running outside Office: Excel is not present. Open this add-in from Excel.",
      };
  }
}

export function App({ state }: { state: HostState }): React.JSX.Element {
  const styles = useStyles();
  const message = hostMessage(state);
  return (
    <main className={styles.root} data-host={state.kind}>
      <Subtitle1 as="h1">Kampung KB</Subtitle1>
      <Body1>KKB sudah dimuat.</Body1>
      <Body1 role="status">{message.id}</Body1>
      <Caption1 lang="en">KKB is loaded. {message.en}</Caption1>
    </main>
  );
}
