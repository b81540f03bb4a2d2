// Sorting, per-outlet figures and column order of the coverage matrix: the reports of one copy
// family side by side under a band (reads the engine's claims and families; computes no diff).

import type { ClaimModel } from "../../lib/bindings/ClaimModel";

/** How the matrix is ordered: report order, most-carried first, or one outlet's claims first. */
export type CoverageSort = { by: "order" } | { by: "carried" } | { by: "pane"; pane: number };

/** A claim with its position in report order (its stable number). */
export type NumberedClaim = { claim: ClaimModel; index: number };

/** Rank of a cell when sorting by an outlet: carried as the representative, same, different, omitted. */
function cellRank(claim: ClaimModel, pane: number): number {
  const cell = claim.cells[pane];
  if (!cell) return 3;
  return cell.wording === "representative" ? 0 : cell.wording === "same" ? 1 : 2;
}

/** The claims in the chosen order; ties keep report order. */
export function sortClaims(claims: ClaimModel[], sort: CoverageSort): NumberedClaim[] {
  const numbered = claims.map((claim, index) => ({ claim, index }));
  if (sort.by === "order") return numbered;
  const key =
    sort.by === "carried"
      ? (row: NumberedClaim) => -row.claim.carriedBy
      : (row: NumberedClaim) => cellRank(row.claim, sort.pane);
  return numbered.sort((x, y) => key(x) - key(y) || x.index - y.index);
}

/** Per outlet: how many claims it carries, and how many of those no other outlet carries. */
export function coverageSummary(claims: ClaimModel[], panes: number): { carried: number; unique: number }[] {
  const figures = Array.from({ length: panes }, () => ({ carried: 0, unique: 0 }));
  for (const claim of claims) {
    const carriers = claim.cells.flatMap((cell, pane) => (cell ? [pane] : []));
    for (const pane of carriers) {
      const entry = figures[pane];
      if (!entry) continue;
      entry.carried += 1;
      if (carriers.length === 1) entry.unique += 1;
    }
  }
  return figures;
}

/** The coverage columns: panes in order, but the reports of one copy family (one wire story
 *  republished) side by side where the first of them stands; `family` is the family's number
 *  (1-based) or null. */
export function coverageColumns(
  count: number,
  families: readonly (readonly number[])[],
): { pane: number; family: number | null }[] {
  const familyOf = new Map<number, number>();
  families.forEach((members, index) => members.forEach((pane) => familyOf.set(pane, index)));
  const columns: { pane: number; family: number | null }[] = [];
  const placed = new Set<number>();
  for (let pane = 0; pane < count; pane++) {
    if (placed.has(pane)) continue;
    const family = familyOf.get(pane);
    const members = family === undefined ? [pane] : (families[family] ?? [pane]).filter((p) => p < count);
    for (const member of members) {
      if (placed.has(member)) continue;
      placed.add(member);
      columns.push({ pane: member, family: family === undefined ? null : family + 1 });
    }
  }
  return columns;
}

/** The header bands over the coverage columns: runs of one family (or of no family). */
export function familyBands(
  columns: readonly { pane: number; family: number | null }[],
): { family: number | null; span: number }[] {
  const bands: { family: number | null; span: number }[] = [];
  for (const column of columns) {
    const last = bands[bands.length - 1];
    if (last && last.family === column.family) last.span += 1;
    else bands.push({ family: column.family, span: 1 });
  }
  return bands;
}
