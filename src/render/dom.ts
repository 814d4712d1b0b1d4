/**
 * A tiny element builder. Children that are strings become text nodes, so author text can
 * never turn into markup; attributes are set with `setAttribute`, never concatenated.
 */
export type Child = Node | string | null | undefined | false;

export function h(
  tag: string,
  attributes: Record<string, string | number | boolean | undefined> = {},
  children: readonly Child[] = [],
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}
