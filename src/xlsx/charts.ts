/**
 * DrawingML for KKB's native charts: the chart part (`xl/charts/chartN.xml`, a radar with markers,
 * a clustered horizontal bar, or a rank-interval bar: stacked, its first segment not drawn) and the drawing part that anchors charts on a sheet
 * (`xl/drawings/drawingN.xml`). Each series references its cells and carries a cache of their
 * values, so viewers draw the chart without recalculating. Strings only: no ExcelJS, no files.
 */
import { ChartSpec, LEGEND_BELOW_MAX } from "../workbook/sheet-spec";
import { ChartData, ChartNumbers, ChartStrings } from "./chart-data";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
} as const;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Series colours: the title's dark blue first, then well separated hues that print apart. */
export const SERIES_COLORS: readonly string[] = [
  "1F4E78",
  "ED7D31",
  "70AD47",
  "7030A0",
  "FFC000",
  "C00000",
  "5B9BD5",
  "A5A5A5",
  "264478",
  "9E480E",
  "43682B",
  "997300",
];

const TEXT_COLOR = "404040";
const GRID_COLOR = "D9D9D9";

export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // Characters XML 1.0 cannot carry at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
  );
}

/** A formula reference as element text: apostrophes stay as they are (`'KKB Ringkasan'!$C$18`). */
function formula(ref: string): string {
  return escapeXml(ref);
}

function strRef(data: ChartStrings): string {
  const points = data.values
    .map((v, i) => (v === "" ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`))
    .join("");
  return (
    `<c:strRef><c:f>${formula(data.ref)}</c:f>` +
    `<c:strCache><c:ptCount val="${data.values.length}"/>${points}</c:strCache></c:strRef>`
  );
}

function numRef(data: ChartNumbers): string {
  const points = data.values
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join("");
  return (
    `<c:numRef><c:f>${formula(data.ref)}</c:f><c:numCache>` +
    `<c:formatCode>${escapeXml(data.format ?? "General")}</c:formatCode>` +
    `<c:ptCount val="${data.values.length}"/>${points}</c:numCache></c:numRef>`
  );
}

function solid(color: string): string {
  return `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
}

function textProperties(size: number, bold = false): string {
  return (
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>` +
    `<a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}">${solid(TEXT_COLOR)}</a:defRPr>` +
    `</a:pPr><a:endParaRPr lang="id-ID"/></a:p></c:txPr>`
  );
}

function title(text: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>` +
    `<a:defRPr sz="1300" b="1">${solid(TEXT_COLOR)}</a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="id-ID" sz="1300" b="1">${solid(TEXT_COLOR)}</a:rPr>` +
    `<a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
  );
}

function seriesXml(data: ChartData, index: number): string {
  const s = data.series[index];
  const color = SERIES_COLORS[index % SERIES_COLORS.length];
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx>${strRef(s.name)}</c:tx>`;
  // Straight segments between rounds (without the element, LibreOffice draws curves).
  const smooth = data.kind === "line" ? `<c:smooth val="0"/>` : "";
  const body = `<c:cat>${strRef(data.categories)}</c:cat><c:val>${numRef(s.values)}</c:val>${smooth}`;
  if (data.kind === "radar" || data.kind === "line") {
    return (
      `<c:ser>${head}` +
      `<c:spPr><a:ln w="22225" cap="rnd">${solid(color)}<a:round/></a:ln></c:spPr>` +
      `<c:marker><c:symbol val="circle"/><c:size val="5"/>` +
      `<c:spPr>${solid(color)}<a:ln w="9525">${solid(color)}</a:ln></c:spPr></c:marker>` +
      `${body}</c:ser>`
    );
  }
  if (data.kind === "rankInterval") {
    // The first segment only carries each bar to its start: drawn with no fill and no line.
    const fill = index === 0 ? "<a:noFill/>" : solid(INTERVAL_COLORS[(index - 1) % 2]);
    return (
      `<c:ser>${head}<c:spPr>${fill}<a:ln><a:noFill/></a:ln></c:spPr>` +
      `<c:invertIfNegative val="0"/>${body}</c:ser>`
    );
  }
  return (
    `<c:ser>${head}<c:spPr>${solid(color)}<a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:invertIfNegative val="0"/>${body}</c:ser>`
  );
}

/** The two halves of a rank interval (5th percentile to median, median to 95th): two blues. */
const INTERVAL_COLORS = ["9DC3E6", "1F4E78"] as const;

const CAT_AX = 500001;
const VAL_AX = 500002;

function axes(data: ChartData): string {
  const bar = data.kind === "bar" || data.kind === "rankInterval";
  const line = (color: string) => `<c:spPr><a:ln w="9525">${solid(color)}</a:ln></c:spPr>`;
  const gridlines = `<c:majorGridlines>${line(GRID_COLOR)}</c:majorGridlines>`;
  const scaling = `<c:scaling><c:orientation val="${bar ? "maxMin" : "minMax"}"/></c:scaling>`;
  const valueScaling =
    `<c:scaling><c:orientation val="minMax"/>` +
    (data.axis ? `<c:max val="${data.axis.max}"/>` : "") +
    `<c:min val="${data.axis?.min ?? 0}"/></c:scaling>`;
  const valueFormat = data.series.find((s) => s.values.format)?.values.format ?? "General";
  const category =
    `<c:catAx><c:axId val="${CAT_AX}"/>${scaling}<c:delete val="0"/>` +
    `<c:axPos val="${bar ? "l" : "b"}"/>${bar ? "" : gridlines}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${line(bar ? "BFBFBF" : GRID_COLOR)}${textProperties(11)}` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const majorUnit = data.axis ? `<c:majorUnit val="${(data.axis.max - data.axis.min) / 4}"/>` : "";
  const value =
    `<c:valAx><c:axId val="${VAL_AX}"/>${valueScaling}<c:delete val="0"/>` +
    `<c:axPos val="${bar ? "b" : "l"}"/>${gridlines}` +
    `<c:numFmt formatCode="${escapeXml(valueFormat)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="${bar ? "none" : "cross"}"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr>${textProperties(11)}` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="${bar ? "max" : "autoZero"}"/>` +
    `<c:crossBetween val="between"/>${majorUnit}</c:valAx>`;
  return category + value;
}

/** Under the chart, or at its right for many series: below, 12 entries left the radar 40 px. */
function legendPosition(data: ChartData): "b" | "r" {
  return data.series.length > LEGEND_BELOW_MAX ? "r" : "b";
}

/** The chart part: a c:chartSpace with one radar, line (with markers) or clustered bar chart. */
export function chartXml(data: ChartData): string {
  const series = data.series.map((_, i) => seriesXml(data, i)).join("");
  const axisIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const plot =
    data.kind === "radar"
      ? `<c:radarChart><c:radarStyle val="marker"/><c:varyColors val="0"/>${series}${axisIds}</c:radarChart>`
      : data.kind === "line"
        ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}` +
          `<c:marker val="1"/>${axisIds}</c:lineChart>`
        : data.kind === "rankInterval"
          ? `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>` +
            `${series}<c:gapWidth val="40"/><c:overlap val="100"/>${axisIds}</c:barChart>`
          : `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
            `${series}<c:gapWidth val="60"/><c:overlap val="-10"/>${axisIds}</c:barChart>`;
  // Rank intervals have no legend (the sheet's note names the two blues): a legend would list
  // the hidden first segment, and viewers differ on which entry a legendEntry deletes.
  const legend =
    data.kind === "rankInterval"
      ? ""
      : `<c:legend><c:legendPos val="${legendPosition(data)}"/><c:overlay val="0"/>${textProperties(11)}</c:legend>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:date1904 val="0"/><c:lang val="id-ID"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(data.title)}<c:plotArea><c:layout/>${plot}${axes(data)}</c:plotArea>` +
    legend +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solid("FFFFFF")}<a:ln w="9525">${solid(GRID_COLOR)}</a:ln></c:spPr>` +
    `<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/>` +
    `<c:pageSetup/></c:printSettings></c:chartSpace>`
  );
}

export interface AnchoredChart {
  readonly chart: Pick<ChartSpec, "anchor" | "size" | "title">;
  /** Relationship id of the chart part in the drawing's rels. */
  readonly relId: string;
}

function marker(tag: "from" | "to", row: number, col: number): string {
  return (
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}

/** The drawing part of one sheet: a two-cell anchor per chart, from its anchor over its size. */
export function drawingXml(charts: readonly AnchoredChart[]): string {
  const anchors = charts.map(({ chart, relId }, i) => {
    const { row, col } = chart.anchor;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker("from", row, col)}` +
      `${marker("to", row + chart.size.rows, col + chart.size.cols)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>` +
      `<xdr:cNvPr id="${i + 2}" name="${escapeXml(`Chart ${i + 1}`)}" descr="${escapeXml(chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}">` +
      `<c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join("")}</xdr:wsDr>`
  );
}

export const REL_TYPES = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
} as const;

export const CONTENT_TYPES = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

export function relationshipsXml(rels: readonly Relationship[]): string {
  const items = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join("");
  return (
    XML_HEAD +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`
  );
}
