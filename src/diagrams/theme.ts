/**
 * Mermaid's theme variables, taken from the deck's CSS custom properties, so diagrams use the
 * slides' colours and fonts. One source of truth: `src/styles/theme.css`.
 *
 * Mermaid writes the colours it is given into the SVG's <style> as literals. Those are turned
 * back into references to the custom properties (`referThemeProperties`), so a drawn diagram
 * shows whichever theme the page is in, and switching theme needs no redrawing (nor a second
 * cached copy): the geometry does not depend on colour. Diagrams are therefore always drawn
 * with one palette, the light one (read from an element marked `data-theme="light"`).
 */
export interface DiagramTheme {
  fontFamily: string;
  fontSize: string;
  background: string;
  text: string;
  muted: string;
  surface: string;
  border: string;
  accent: string;
  line: string;
}

/** The colours of a DiagramTheme and the custom property each comes from. */
const COLOUR_PROPERTIES = {
  background: '--color-bg',
  text: '--color-fg',
  muted: '--color-muted',
  surface: '--color-surface',
  border: '--color-border',
  accent: '--color-accent',
  line: '--color-line',
} as const satisfies Partial<Record<keyof DiagramTheme, string>>;

export function readDiagramTheme(root: Element): DiagramTheme {
  const style = getComputedStyle(root);
  const read = (name: string) => {
    const value = style.getPropertyValue(name).trim();
    if (!value) throw new Error(`the theme defines no ${name}; diagrams take their colours from it`);
    return value;
  };
  return {
    fontFamily: read('--font-sans'),
    fontSize: read('--diagram-font-size'),
    background: read(COLOUR_PROPERTIES.background),
    text: read(COLOUR_PROPERTIES.text),
    muted: read(COLOUR_PROPERTIES.muted),
    surface: read(COLOUR_PROPERTIES.surface),
    border: read(COLOUR_PROPERTIES.border),
    accent: read(COLOUR_PROPERTIES.accent),
    line: read(COLOUR_PROPERTIES.line),
  };
}

/**
 * `css` with every colour of `theme` replaced by `var(--property)`: what Mermaid wrote with the
 * palette it was given, made to follow the page's theme. A colour must be distinct within a
 * palette for this to be unambiguous (the light palette's are).
 */
export function withThemeProperties(css: string, theme: DiagramTheme): string {
  let result = css;
  for (const [key, property] of Object.entries(COLOUR_PROPERTIES)) {
    const value = theme[key as keyof typeof COLOUR_PROPERTIES].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Not followed by another hex digit: #fff must not match the start of #fff4d6.
    result = result.replace(new RegExp(`${value}(?![0-9a-f])`, 'gi'), `var(${property})`);
  }
  return result;
}

/** Makes the colours in a drawn diagram's own stylesheet refer to the theme's properties. */
export function referThemeProperties(svg: SVGSVGElement, theme: DiagramTheme): void {
  for (const style of svg.querySelectorAll('style')) {
    style.textContent = withThemeProperties(style.textContent ?? '', theme);
  }
}

/** The `themeVariables` of Mermaid's `base` theme for our colours. */
export function mermaidThemeVariables(theme: DiagramTheme): Record<string, string> {
  return {
    fontFamily: theme.fontFamily,
    fontSize: theme.fontSize,
    background: theme.background,
    primaryColor: theme.surface,
    primaryTextColor: theme.text,
    primaryBorderColor: theme.border,
    secondaryColor: theme.surface,
    tertiaryColor: theme.background,
    lineColor: theme.line,
    textColor: theme.text,
    nodeTextColor: theme.text,
    titleColor: theme.text,
    clusterBkg: theme.background,
    clusterBorder: theme.muted,
    edgeLabelBackground: theme.background,
  };
}
