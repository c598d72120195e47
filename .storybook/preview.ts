import { setCustomElementsManifest, type Preview } from '@storybook/web-components';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';
import '../src/civic-widgets.js';

// Docs pages (attributes, properties, events, slots, parts, CSS properties) come from the manifest.
setCustomElementsManifest(manifest);

const preview: Preview = {
  loaders: [mswLoader()],
  parameters: {
    a11y: {
      // Violations fail the story's accessibility check.
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
    },
    controls: { expanded: true },
  },
};

export default preview;
