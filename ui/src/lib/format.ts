// How metadata reads on screen: dates, word counts, languages, formats, file names.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/;

/**
 * "14 Mar 2026" from an ISO date or date-time, as written in the article (no time-zone shift: the
 * date an outlet printed is the date a reader expects). Unparseable text is returned as it is;
 * a missing date becomes "".
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const match = DATE_ONLY.exec(iso) ?? DATE_TIME.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const monthName = MONTHS[Number(month) - 1];
  if (!monthName) return iso;
  return `${Number(day)} ${monthName} ${year}`;
}

/** "14 Mar 2026, 18:05" when the value carries a time, else the same as {@link formatDate}. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const match = DATE_TIME.exec(iso);
  if (!match) return formatDate(iso);
  const offset = /(Z|[+-]\d{2}:?\d{2})$/.exec(iso)?.[1];
  const zone = offset === undefined ? "" : offset === "Z" || /^[+-]00:?00$/.test(offset) ? " UTC" : ` ${offset}`;
  return `${formatDate(iso)}, ${match[4]}:${match[5]}${zone}`;
}

/** "1 word", "1,234 words". */
export function formatWordCount(count: number): string {
  const digits = Math.round(count).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${digits} ${count === 1 ? "word" : "words"}`;
}

/** Just the number, with thousands separators, for table cells. */
export function formatNumber(count: number): string {
  return Math.round(count).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const LANGUAGE_NAMES: Record<string, string> = {
  ar: "Arabic",
  de: "German",
  en: "English",
  es: "Spanish",
  fa: "Persian",
  fr: "French",
  he: "Hebrew",
  it: "Italian",
  ja: "Japanese",
  ko: "Korean",
  nl: "Dutch",
  pl: "Polish",
  pt: "Portuguese",
  ru: "Russian",
  tr: "Turkish",
  uk: "Ukrainian",
  ur: "Urdu",
  zh: "Chinese",
};

/** "English (en)" for a known code, the code itself otherwise, "" when unknown. */
export function formatLanguage(code: string | null | undefined): string {
  if (!code) return "";
  const base = code.toLowerCase().split(/[-_]/)[0] ?? "";
  const name = LANGUAGE_NAMES[base];
  return name ? `${name} (${code})` : code;
}

const FORMAT_NAMES: Record<string, string> = {
  html: "Web page (HTML)",
  mhtml: "Web archive (MHTML)",
  text: "Plain text",
  markdown: "Markdown",
  pdf: "PDF",
  docx: "Word document",
};

/** A source format for people: "Web page (HTML)". */
export function formatSourceFormat(format: string): string {
  return FORMAT_NAMES[format] ?? format;
}

/** The last part of a path, for the per-file import results. */
export function fileName(path: string): string {
  // A web address reads best without its scheme: "harbour.example/ferry".
  if (/^https?:\/\//i.test(path)) return path.replace(/^https?:\/\//i, "").replace(/\/$/, "");
  const trimmed = path.replace(/[\\/]+$/, "");
  const slash = Math.max(trimmed.lastIndexOf("/"), trimmed.lastIndexOf("\\"));
  return slash === -1 ? trimmed : trimmed.slice(slash + 1);
}

/** "1 article", "3 articles". */
export function articlesLabel(count: number): string {
  return `${formatNumber(count)} ${count === 1 ? "article" : "articles"}`;
}
