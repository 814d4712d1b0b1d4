import { describe, expect, it } from 'vitest';
import {
  repeatedStepIds,
  resolvePartSteps,
  unknownStepIds,
  visiblePartsAt,
  type DiagramParts,
} from '../../src/diagrams/steps.ts';

const parts: DiagramParts = {
  nodes: ['base', 'deps', 'app', 'c1'],
  edges: [
    { id: 'e1', from: 'deps', to: 'base' },
    { id: 'auto', from: 'c1', to: 'app' },
  ],
  subgraphs: [
    { id: 'image', members: ['base', 'deps', 'app'] },
    { id: 'host', members: ['image', 'c1'] },
  ],
};

describe('resolvePartSteps', () => {
  const steps = [{ show: ['base'] }, { show: ['deps', 'e1'] }, { show: ['app'] }, { show: ['c1'] }];
  const partSteps = resolvePartSteps(parts, steps);

  it('takes explicit steps as written', () => {
    expect(partSteps.get('base')).toBe(0);
    expect(partSteps.get('deps')).toBe(1);
    expect(partSteps.get('e1')).toBe(1);
    expect(partSteps.get('c1')).toBe(3);
  });

  it('shows an edge without a step once both of its ends show', () => {
    expect(partSteps.get('auto')).toBe(3);
  });

  it('shows a subgraph without a step with its earliest member', () => {
    expect(partSteps.get('image')).toBe(0);
    expect(partSteps.get('host')).toBe(0);
  });

  it('shows a node without a step with its enclosing subgraph', () => {
    const resolved = resolvePartSteps(
      { nodes: ['a', 'b'], edges: [], subgraphs: [{ id: 'box', members: ['a', 'b'] }] },
      [{ show: [] }, { show: ['box'] }],
    );
    expect(resolved.get('a')).toBe(1);
    expect(resolved.get('b')).toBe(1);
  });

  it('lists exactly the parts of a step and of the steps before it', () => {
    expect([...visiblePartsAt(partSteps, 0)].sort()).toEqual(['base', 'host', 'image']);
    expect([...visiblePartsAt(partSteps, 1)].sort()).toEqual(['base', 'deps', 'e1', 'host', 'image']);
    expect(visiblePartsAt(partSteps, 3).size).toBe(8);
  });

  it('going back a step hides exactly what going forward showed', () => {
    for (let step = 1; step < steps.length; step += 1) {
      const before = visiblePartsAt(partSteps, step - 1);
      const after = visiblePartsAt(partSteps, step);
      const added = [...after].filter((id) => !before.has(id));
      expect(added.length).toBeGreaterThan(0);
      expect([...before].every((id) => after.has(id))).toBe(true);
    }
  });
});

describe('step checks', () => {
  it('finds ids the diagram does not define', () => {
    expect(unknownStepIds(parts, [{ show: ['base', 'nope'] }, { show: ['e9'] }])).toEqual(['nope', 'e9']);
  });

  it('finds ids named twice', () => {
    expect(repeatedStepIds([{ show: ['a', 'b'] }, { show: ['b'] }])).toEqual(['b']);
  });
});
