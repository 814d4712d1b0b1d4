import { describe, expect, it } from 'vitest';
import { missingStores, requiredStores } from '../../support/docker-engine.ts';

describe('the image stores a run requires (TALK_REQUIRE_STORES, under TALK_REQUIRE_ENGINES=1)', () => {
  it('requires both stores unless told otherwise', () => {
    expect(requiredStores({})).toEqual(['graph-driver', 'containerd']);
    expect(requiredStores({ TALK_REQUIRE_STORES: ' ' })).toEqual(['graph-driver', 'containerd']);
  });

  it('takes the stores CI gives one run', () => {
    expect(requiredStores({ TALK_REQUIRE_STORES: 'containerd' })).toEqual(['containerd']);
    expect(requiredStores({ TALK_REQUIRE_STORES: 'graph-driver, containerd' })).toEqual([
      'graph-driver',
      'containerd',
    ]);
  });

  it('refuses a name that is not a store, naming it', () => {
    expect(() => requiredStores({ TALK_REQUIRE_STORES: 'overlay2' })).toThrow(
      'TALK_REQUIRE_STORES=overlay2: "overlay2" is not an image store; name graph-driver, containerd or both',
    );
  });

  it('names the required stores no engine has', () => {
    expect(missingStores(['graph-driver', 'containerd'], ['containerd'])).toEqual(['graph-driver']);
    expect(missingStores(['containerd'], ['containerd'])).toEqual([]);
    expect(missingStores(['containerd'], [])).toEqual(['containerd']);
  });
});
