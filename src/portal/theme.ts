import { createHash } from 'node:crypto';

/**
 * The office's colour for the header. It arrives as configuration, so it is checked (`#rrggbb`) and given the
 * text colour, white or near-black, that contrasts with it best (WCAG contrast). It reaches the page as a small
 * <style> element allowed by its hash in the Content-Security-Policy.
 */
export interface Theme {
  css: string;
  /** For the CSP: `'sha256-…'`. */
  hash: string;
}

const DEFAULT_BRAND = '#0b4f8a';
const DARK = '#0b0c0c';
const cache = new Map<string, Theme>();

export function themeFor(brandColor: string | null): Theme {
  const brand = brandColor && /^#[0-9a-fA-F]{6}$/.test(brandColor) ? brandColor.toLowerCase() : DEFAULT_BRAND;
  let theme = cache.get(brand);
  if (!theme) {
    const text = contrast(brand, '#ffffff') >= contrast(brand, DARK) ? '#fff' : DARK;
    const css = `:root{--brand:${brand};--brand-text:${text}}`;
    theme = { css, hash: `'sha256-${createHash('sha256').update(css).digest('base64')}'` };
    cache.set(brand, theme);
  }
  return theme;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
