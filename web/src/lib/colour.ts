// Colours of the risk method's levels (`#rrggbb`) as backgrounds.

/** Black or white, whichever reads better on `background` (by its relative luminance). */
export function textColour(background: string): '#000000' | '#ffffff' {
  const hex = background.replace('#', '');
  if (hex.length !== 6) {
    return '#000000';
  }
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 ? '#000000' : '#ffffff';
}
