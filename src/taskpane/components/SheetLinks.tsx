import * as React from "react";
import { Body1, Body1Strong, Link, makeStyles, tokens } from "@fluentui/react-components";
import { Lang, strings } from "../i18n";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
});

export interface SheetLinksProps {
  readonly sheets: readonly string[];
  readonly lang: Lang;
  /** Opens a sheet in Excel. */
  readonly onOpen: (sheet: string) => void;
}

/** The sheets a summary wrote, each a link that opens it. */
export function SheetLinks({ sheets, lang, onOpen }: SheetLinksProps): React.JSX.Element | null {
  const styles = useStyles();
  if (sheets.length === 0) return null;
  const s = strings(lang);
  return (
    <nav aria-label={s.sheetsWritten}>
      <Body1Strong>{s.sheetsWritten}</Body1Strong>
      <ul className={styles.list}>
        {sheets.map((name) => (
          <li key={name}>
            <Link as="button" onClick={() => onOpen(name)} aria-label={s.openSheet(name)}>
              {name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export interface DownloadLinkProps {
  readonly url: string;
  readonly fileName: string;
  readonly sheets: readonly string[];
  readonly lang: Lang;
}

/** The summary workbook built in the browser, offered as a download. */
export function DownloadLink({
  url,
  fileName,
  sheets,
  lang,
}: DownloadLinkProps): React.JSX.Element {
  const styles = useStyles();
  const s = strings(lang);
  return (
    <div>
      <Body1 block as="p">
        <Link href={url} download={fileName} data-testid="download-summary">
          {s.download(fileName)}
        </Link>
      </Body1>
      <Body1Strong block as="p">
        {s.sheetsWritten}
      </Body1Strong>
      <ul className={styles.list}>
        {sheets.map((name) => (
          <li key={name}>
            <Body1>{name}</Body1>
          </li>
        ))}
      </ul>
    </div>
  );
}
