import { defineDiagram } from '../../src/deck/define.ts';

/** Build, push (blobs first, manifest last), pull (only missing layers), run. */
export const distribution = defineDiagram({
  id: 'distribution',
  title: 'From a laptop to a server through a registry',
  description:
    'On the laptop, docker build makes the image. docker push uploads the layer blobs the registry does not have, then the manifest. On the server, docker pull fetches the manifest, then only the layer blobs it is missing, by digest. docker run starts a container from the image.',
  source: `---
config:
  flowchart:
    rankSpacing: 36
---
flowchart LR
  subgraph laptop [" laptop: docker push "]
    direction TB
    img["image, from docker build"]
  end
  subgraph registry [" registry "]
    direction TB
    blobs["layer blobs, by digest"]
    manifest["manifest + config"]
  end
  subgraph server [" server: docker pull "]
    direction TB
    have["base layers: already there"]
    fetched["missing layers: pulled"]
    ctr["docker run: container"]
  end
  img push1@-->|"1 blobs"| blobs
  img push2@-->|"2 manifest, last"| manifest
  manifest pull1@-->|"3 manifest"| server
  blobs pull2@-->|"4 missing blobs"| fetched
  class img,have,fetched layer
  class ctr accent`,
  steps: [
    { show: ['laptop', 'img'] },
    {
      show: ['registry', 'blobs', 'push1'],
      notes: 'docker push sends the layer blobs first, and skips any the registry already has.',
    },
    {
      show: ['manifest', 'push2'],
      notes: 'The manifest goes last, so nobody can pull an image whose layers are not there yet.',
    },
    {
      show: ['server', 'have', 'pull1'],
      notes:
        'docker pull on the server reads the manifest first and compares digests with what it already has.',
    },
    {
      show: ['fetched', 'pull2'],
      notes: 'Then it downloads only the missing layers. Shared base layers cost nothing.',
    },
    {
      show: ['ctr'],
      notes:
        'And docker run starts a container from the local image. The registry stores images, never containers.',
    },
  ],
  caption: 'Registries store images: blobs by digest, manifests by tag or digest',
  height: 480,
});
