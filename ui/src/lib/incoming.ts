// What a paste or a drop from a browser holds, read into one thing to import: web addresses (a
// dragged link or tab, copied addresses), a page's HTML (a copied selection), or plain text.

/** The data a clipboard or drop offers, by type ("" when a type is absent). */
export type Offered = {
  uriList: string;
  mozUrl: string;
  html: string;
  text: string;
};

/** What to import from it. */
export type Incoming =
  | { kind: "addresses"; addresses: string[] }
  | { kind: "pasted"; text: string; html: string | null }
  | null;

/** An http(s) address, or a bare www. host, alone on its line. */
export function isAddress(line: string): boolean {
  const trimmed = line.trim();
  return /^(https?:\/\/|www\.)\S+$/i.test(trimmed);
}

/** The data of a `DataTransfer` (clipboard or drop), every type read once. */
export function offeredBy(data: DataTransfer | null): Offered {
  const get = (type: string) => {
    try {
      return data?.getData(type) ?? "";
    } catch {
      return "";
    }
  };
  return {
    uriList: get("text/uri-list"),
    mozUrl: get("text/x-moz-url"),
    html: get("text/html"),
    text: get("text/plain"),
  };
}

/** Unique addresses in order. */
function unique(addresses: string[]): string[] {
  return [...new Set(addresses.map((a) => a.trim()).filter((a) => a.length > 0))];
}

/**
 * Reads what was pasted or dropped. A URI list (comments skipped) or a Mozilla URL list (address
 * and title lines in turn) is addresses; so is plain text whose every non-empty line is an
 * address. Otherwise HTML a browser copied is a page to read, and other text becomes an article.
 */
export function readIncoming(offered: Offered): Incoming {
  const fromUriList = offered.uriList
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .filter(isAddress);
  if (fromUriList.length > 0) return { kind: "addresses", addresses: unique(fromUriList) };
  const fromMoz = offered.mozUrl
    .split(/\r?\n/)
    .filter((_, index) => index % 2 === 0)
    .filter(isAddress);
  if (fromMoz.length > 0) return { kind: "addresses", addresses: unique(fromMoz) };
  const lines = offered.text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines.length > 0 && lines.every(isAddress)) return { kind: "addresses", addresses: unique(lines) };
  if (offered.html.trim() !== "") return { kind: "pasted", text: offered.text, html: offered.html };
  if (offered.text.trim() !== "") return { kind: "pasted", text: offered.text, html: null };
  return null;
}
