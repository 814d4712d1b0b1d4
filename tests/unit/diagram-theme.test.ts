import { describe, expect, it } from 'vitest';
import { withThemeProperties, type DiagramTheme } from '../../src/diagrams/theme.ts';

/** The light palette of src/styles/theme.css, written out here. */
const LIGHT: DiagramTheme = {
  fontFamily: 'Inter',
  fontSize: '20px',
  background: '#fbfaf7',
  text: '#16202a',
  muted: '#46535f',
  surface: '#e6eef7',
  border: '#51657a',
  accent: '#0b5cbf',
  line: '#3a4856',
};

describe('withThemeProperties', () => {
  it('turns the colours Mermaid wrote into references to the theme’s custom properties', () => {
    const css =
      '#d .node rect{fill:#e6eef7;stroke:#51657A;}#d .edgeLabel{background-color:#fbfaf7;}#d .label{color:#16202a;}' +
      '#d .cluster rect{stroke:#46535f;}#d .marker{fill:#3a4856;}#d .a{fill:#0b5cbf}';
    expect(withThemeProperties(css, LIGHT)).toBe(
      '#d .node rect{fill:var(--color-surface);stroke:var(--color-border);}#d .edgeLabel{background-color:var(--color-bg);}' +
        '#d .label{color:var(--color-fg);}#d .cluster rect{stroke:var(--color-muted);}#d .marker{fill:var(--color-line);}' +
        '#d .a{fill:var(--color-accent)}',
    );
  });

  it('leaves other colours, and longer colours that start alike, as they are', () => {
    const theme = { ...LIGHT, background: '#fff' };
    expect(withThemeProperties('a{fill:#fff4d6;stroke:#000;color:#fff}', theme)).toBe(
      'a{fill:#fff4d6;stroke:#000;color:var(--color-bg)}',
    );
  });
});
