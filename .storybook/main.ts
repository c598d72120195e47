import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Serves msw's worker at /mockServiceWorker.js, and the built cdn/ (civic-widgets.css styles the
  // server-rendered fragment stories), so `npm run storybook` builds first.
  staticDirs: ['../public', { from: '../cdn', to: '/cdn' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
