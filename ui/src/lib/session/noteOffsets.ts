// A text selection inside one sentence, as the byte range of the report's body a note is stored
// against: the sentence's `start` plus the UTF-8 length of the sentence text before the selection.

const utf8 = new TextEncoder();

/** UTF-8 length of a string (bodies are indexed in bytes, the DOM in UTF-16 units). */
export function byteLength(text: string): number {
  return utf8.encode(text).length;
}

/** What a note is made on. */
export type NoteSpan = { start: number; end: number; quote: string };

/**
 * The span of `range` within the sentence text element `root` whose text starts at byte
 * `sentenceStart` of the body. A range reaching past the sentence is clipped to it; `null` when the
 * range does not start inside `root` or selects only whitespace.
 */
export function noteSpan(range: Range, root: Node, sentenceStart: number): NoteSpan | null {
  if (!root.contains(range.startContainer)) return null;
  const owner = root.ownerDocument ?? document;
  const before = owner.createRange();
  before.selectNodeContents(root);
  before.setEnd(range.startContainer, range.startOffset);
  const head = before.toString();
  const inside = owner.createRange();
  inside.selectNodeContents(root);
  inside.setStart(range.startContainer, range.startOffset);
  if (root.contains(range.endContainer)) inside.setEnd(range.endContainer, range.endOffset);
  const raw = inside.toString();
  // Trim the selection to its words, moving the start past leading spaces.
  const lead = raw.length - raw.trimStart().length;
  const quote = raw.trim();
  if (quote === "") return null;
  const start = sentenceStart + byteLength(head + raw.slice(0, lead));
  return { start, end: start + byteLength(quote), quote };
}

/** The whole sentence as a span (a note on the focused sentence, made without a mouse). */
export function sentenceSpan(text: string, sentenceStart: number): NoteSpan {
  return { start: sentenceStart, end: sentenceStart + byteLength(text), quote: text };
}

/** Whether a note's range touches a sentence's range. */
export function overlaps(note: { start: number; end: number }, sentence: { start: number; end: number }): boolean {
  return note.start < sentence.end && note.end > sentence.start;
}
