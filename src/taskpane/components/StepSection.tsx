import * as React from "react";
import { Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: {
    display: "block",
    margin: 0,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
});

export interface StepSectionProps {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  /** Receives the heading, so the pane can move focus to it when the step opens. */
  readonly headingRef: React.Ref<HTMLHeadingElement>;
  readonly children: React.ReactNode;
}

/** One step: a focusable heading, its position, and its content. */
export function StepSection({
  id,
  title,
  caption,
  headingRef,
  children,
}: StepSectionProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby={`${id}-title`} data-step-panel={id}>
      <div>
        <Caption1>{caption}</Caption1>
        <Text
          as="h2"
          size={500}
          weight="semibold"
          id={`${id}-title`}
          tabIndex={-1}
          ref={headingRef}
          className={styles.heading}
        >
          {title}
        </Text>
      </div>
      {children}
    </section>
  );
}
