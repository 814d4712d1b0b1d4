import { describe, expect, it } from 'vitest';
import { needsRegistry, publishedPorts } from '../../../src/rehearse/needs-registry.ts';

describe('commands that need a real registry', () => {
  it('are the pulls from Docker Hub and the index inspection, not the demo registry on localhost', () => {
    expect(needsRegistry('docker buildx imagetools inspect node:24-alpine')).toBe(true);
    expect(needsRegistry('docker pull alpine:3.24')).toBe(true);
    expect(needsRegistry('docker image pull alpine:3.24')).toBe(true);
    expect(needsRegistry('docker pull localhost:5050/hello-layers:1.0')).toBe(false);
    expect(needsRegistry('docker run --rm hello-world')).toBe(false);
    expect(needsRegistry('docker image ls --digests alpine')).toBe(false);
  });
});

describe('publishedPorts', () => {
  it('reads the host address and port of each -p', () => {
    expect(publishedPorts('docker run -d --name web-1 -p 127.0.0.1:8081:3000 hello-layers')).toEqual([
      { address: '127.0.0.1', port: 8081 },
    ]);
    expect(publishedPorts('docker run -p 8080:80 --publish=127.0.0.1:5050:5000 x')).toEqual([
      { address: '0.0.0.0', port: 8080 },
      { address: '127.0.0.1', port: 5050 },
    ]);
    expect(publishedPorts('docker exec web-1 ps -p 1')).toEqual([]);
  });
});
