// Which way a language's text runs, so right-to-left articles are shown as such.

const RIGHT_TO_LEFT = new Set(["ar", "fa", "he", "iw", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"]);

/** "rtl" for Arabic, Persian, Hebrew, Urdu and other right-to-left languages, else "ltr". */
export function textDirection(lang: string | null | undefined): "rtl" | "ltr" {
  if (!lang) return "ltr";
  const base = lang.toLowerCase().split(/[-_]/)[0] ?? "";
  return RIGHT_TO_LEFT.has(base) ? "rtl" : "ltr";
}
