/**
 * office-addin-mock imports `OfficeApp` from office-addin-manifest, which is ESM-only and cannot
 * load under jest's CommonJS transform; jest.config.js maps the module here.
 */
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
