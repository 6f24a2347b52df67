// Changing the scales of a risk method: levels added to and removed from the likelihood or impact
// scale with the matrix kept in step (grid[likelihood − 1][impact − 1]), and the dimensions the
// impact criteria describe. Levels are numbered 1 to N, lowest first, and risks are rated by those
// numbers, so a level is added above the highest and only the highest is removed: no rated risk
// changes meaning. The API checks the scale's size (422 at `likelihood.levels` or
// `impact.levels`) and refuses a removal that leaves a risk's rating outside the scale.
import { kImpactDimensions } from './methodFields';
import type { RiskMethod, ScaleLevel } from './types';

export type ScaleName = 'likelihood' | 'impact';

/** The impact dimensions the method's criteria describe (confidentiality, financial, …), in the API's order. */
export function impactDimensions(method: RiskMethod): string[] {
  const named = new Set(method.impact.levels.flatMap((level) => Object.keys(level.criteria ?? {})));
  return kImpactDimensions.filter((dimension) => named.has(dimension));
}

/**
 * Adds level N + 1 to `scale`, its label and texts left for the user to write (an impact level
 * with an empty criterion for every dimension of the method). Its matrix cells copy those of
 * level N, the nearest neighbour.
 */
export function addLevel(method: RiskMethod, scale: ScaleName): void {
  const levels = method[scale].levels;
  const level: ScaleLevel = { value: levels.length + 1, label: '', description: '' };
  if (scale === 'likelihood') {
    level.frequency = '';
    const below = method.grid.at(-1) ?? method.impact.levels.map(() => lowestLevel(method));
    method.grid.push([...below]);
  } else {
    level.criteria = Object.fromEntries(impactDimensions(method).map((dimension) => [dimension, '']));
    for (const row of method.grid) {
      row.push(row.at(-1) ?? lowestLevel(method));
    }
  }
  levels.push(level);
}

/** Removes the highest level of `scale` and its row (likelihood) or column (impact) of the matrix. */
export function removeLevel(method: RiskMethod, scale: ScaleName): void {
  const top = method[scale].levels.length;
  if (top === 0) {
    return;
  }
  method[scale].levels.pop();
  if (scale === 'likelihood') {
    method.grid.splice(top - 1);
  } else {
    for (const row of method.grid) {
      row.splice(top - 1);
    }
  }
}

function lowestLevel(method: RiskMethod): string {
  return method.levels[0]?.id ?? '';
}

/** Gives every impact level a criterion, empty to start with, for `dimension`. */
export function addDimension(method: RiskMethod, dimension: string): void {
  for (const level of method.impact.levels) {
    level.criteria = { ...(level.criteria ?? {}), [dimension]: level.criteria?.[dimension] ?? '' };
  }
}

/** Drops the criterion for `dimension` from every impact level. */
export function removeDimension(method: RiskMethod, dimension: string): void {
  for (const level of method.impact.levels) {
    const rest = { ...(level.criteria ?? {}) };
    delete rest[dimension];
    level.criteria = rest;
  }
}
