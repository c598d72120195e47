import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../src/alert-banner/define.js';
import '../src/closure-ticker/define.js';
import '../src/report-form/define.js';
import '../src/share-bar/define.js';
import { isolatedArgs, isolatedMswLoader } from './isolate.js';

// Docs pages (attributes, properties, events, slots, parts, CSS properties) come from the manifest.
setCustomElementsManifest(manifest);

/** Each story under its own addresses (see isolate.ts), on its page's backdrop. */
const isolate: Decorator = (story, context) => story({ args: isolatedArgs(context.id, context.args) });
const backdrop: Decorator = (story, context) => {
  const name = (context.parameters['backdrop'] as string | undefined) ?? (context.globals['backdrop'] as string | undefined) ?? 'plain';
  return name === 'plain' ? story() : html`<div class="backdrop backdrop-${name}">${story()}</div>`;
};

const preview: Preview = {
  loaders: [isolatedMswLoader],
  decorators: [isolate, backdrop],
  globalTypes: {
    backdrop: {
      description: 'Where the widget sits on a council page',
      toolbar: {
        title: 'Backdrop',
        items: [
          { value: 'plain', title: 'Plain page' },
          { value: 'dark-header', title: 'Dark site header' },
          { value: 'branded', title: 'Branded council page' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { backdrop: 'plain' },
  parameters: {
    a11y: {
      // Violations fail the story's accessibility check.
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
    },
    controls: { expanded: true },
    // Play functions run on Docs pages too, so each preview shows its story's state.
    docs: { story: { autoplay: true } },
  },
};

export default preview;
