/**
 * Mermaid's theme variables, taken from the deck's CSS custom properties, so diagrams use the
 * slides' colours and fonts. One source of truth: `src/styles/theme.css`.
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
    background: read('--color-bg'),
    text: read('--color-fg'),
    muted: read('--color-muted'),
    surface: read('--color-surface'),
    border: read('--color-border'),
    accent: read('--color-accent'),
    line: read('--color-line'),
  };
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
