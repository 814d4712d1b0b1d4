import { describe, expect, it } from 'vitest';
import {
  isDockerHubReference,
  loopbackMirror,
  pulledReference,
  servedByMirror,
} from '../../../src/rehearse/mirror.ts';

describe('the offline registry mirror', () => {
  it('finds a loopback http mirror in the engine’s configuration, and nothing else', () => {
    // `docker info --format '{{json .RegistryConfig.Mirrors}}'` as the engines print it.
    expect(loopbackMirror('["http://127.0.0.1:5098/"]')?.origin).toBe('http://127.0.0.1:5098');
    expect(loopbackMirror('["https://mirror.gcr.io/"]')).toBeUndefined();
    expect(loopbackMirror('["http://192.168.1.5:5000/"]')).toBeUndefined();
    expect(loopbackMirror('null')).toBeUndefined();
    expect(loopbackMirror('[]')).toBeUndefined();
  });

  it('serves Docker Hub names only: a daemon mirror stands in for docker.io', () => {
    expect(
      ['alpine:3.24', 'node:26-alpine', 'library/hello-world', 'registry:3'].every(isDockerHubReference),
    ).toBe(true);
    expect(isDockerHubReference('gcr.io/distroless/nodejs26-debian13:nonroot')).toBe(false);
    expect(isDockerHubReference('localhost:5050/hello-layers:1.0')).toBe(false);
    expect(isDockerHubReference('localhost/x')).toBe(false);
  });

  it('answers a plain pull of an image it holds, nothing else', () => {
    const mirror = { address: 'http://127.0.0.1:5098', references: ['alpine:3.24'], stop: async () => {} };
    expect(pulledReference('docker pull alpine:3.24')).toBe('alpine:3.24');
    expect(pulledReference('docker image pull -q alpine:3.24')).toBe('alpine:3.24');
    expect(servedByMirror('docker pull alpine:3.24', mirror)).toBe(true);
    expect(servedByMirror('docker pull alpine:3.23', mirror)).toBe(false);
    expect(servedByMirror('docker pull alpine:3.24', undefined)).toBe(false);
    expect(servedByMirror('docker buildx imagetools inspect alpine:3.24', mirror)).toBe(false);
  });
});
