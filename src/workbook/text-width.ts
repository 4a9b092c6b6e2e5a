/**
 * How wide text is in Excel's column-width unit (the width of a digit of the default font,
 * Calibri 11): per character, Calibri's advance width over its digits' (1038 of 2048 units).
 * `i` is 0.45, `a` 0.95, `m` 1.58, `W` 1.76: "Kabupaten Wonosobo" is 17.9 wide, and wraps in a
 * column 18 wide. Characters outside the table count 1 (Latin letters with marks), wide
 * (East Asian) ones 1.9. Bold text is about 7 % wider.
 */

/** Calibri's advance widths (units per 2048 em) of the printable ASCII characters, from space. */
const ASCII_ADVANCE = [
  // space ! " # $ % & ' ( ) * + , - . /
  463, 548, 821, 1038, 1038, 1465, 1397, 452, 621, 621, 1038, 1038, 511, 627, 517, 791,
  // 0-9
  1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038,
  // : ; < = > ? @
  548, 548, 1038, 1038, 1038, 949, 1823,
  // A-Z
  1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356, 1058, 1378,
  1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959,
  // [ \ ] ^ _ `
  627, 791, 627, 1038, 1038, 596,
  // a-z
  981, 1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080, 1076, 1076, 714,
  801, 686, 1076, 925, 1464, 887, 927, 809,
  // { | } ~
  702, 944, 702, 1038,
];
const DIGIT_ADVANCE = 1038;
/** Bold text over regular. */
export const BOLD_WIDTH = 1.07;

/** The width of one character (a UTF-16 code unit's code point) in digit widths. */
export function charWidth(code: number): number {
  if (code >= 32 && code < 32 + ASCII_ADVANCE.length)
    return ASCII_ADVANCE[code - 32] / DIGIT_ADVANCE;
  if (code >= 0x2e80 && code <= 0xffdc) return 1.9;
  return 1;
}

/** The width of `text` in digit widths (Excel's column-width unit). */
export function textWidth(text: string, bold = false): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) width += charWidth(text.charCodeAt(i));
  return bold ? width * BOLD_WIDTH : width;
}

/** The widest a character of the table is (W), for a quick bound: a text of n characters is at most n times this. */
export const WIDEST_CHAR = 1823 / DIGIT_ADVANCE;
