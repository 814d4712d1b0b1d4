import { describe, expect, it } from 'vitest';
import { imageStoreOf, localPortWarning } from '../../../src/rehearse/preflight.ts';

describe('the engine as preflight names it', () => {
  it('tells the containerd image store from a graph driver by what docker info prints', () => {
    // Printed by `docker info --format '{{.Driver}}|{{json .DriverStatus}}'` on the two engines here.
    expect(imageStoreOf('overlayfs', '[["driver-type","io.containerd.snapshotter.v1"]]')).toEqual({
      kind: 'containerd',
      driver: 'overlayfs',
    });
    expect(
      imageStoreOf(
        'overlay2',
        '[["Backing Filesystem","extfs"],["Supports d_type","true"],["Native Overlay Diff","true"],["userxattr","false"]]',
      ),
    ).toEqual({ kind: 'graph-driver', driver: 'overlay2' });
    expect(imageStoreOf('overlay2', 'null')).toEqual({ kind: 'graph-driver', driver: 'overlay2' });
  });

  it('warns that 127.0.0.1 ports are reachable from the network segment before Engine 28.0 only', () => {
    expect(localPortWarning('20.10.24+dfsg1')).toEqual([
      expect.stringMatching(
        /^warning: on Engine 20\.10\.24 the demos' ports published on 127\.0\.0\.1 can be reached from other hosts .*moby issue 45610, fixed in Engine 28\.0/,
      ),
    ]);
    expect(localPortWarning('27.5.1')).toHaveLength(1);
    expect(localPortWarning('28.0.0')).toEqual([]);
    expect(localPortWarning('28.5.2+dfsg4')).toEqual([]);
    expect(localPortWarning('29.1.0')).toEqual([]);
  });
});
