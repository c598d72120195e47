/**
 * What a test asks of the browser that differs by engine (see commands.mjs): the same names and
 * arguments as @web/test-runner-commands, so a test reads the same in every engine.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export const setViewport = (viewport: { width: number; height: number }): Promise<unknown> => executeServerCommand('civic-viewport', viewport);
export const emulateMedia = (media: { reducedMotion: 'reduce' | 'no-preference' }): Promise<unknown> => executeServerCommand('civic-media', media);
export const sendKeys = (keys: { press: string } | { type: string } | { down: string } | { up: string }): Promise<unknown> => executeServerCommand('civic-keys', keys);

/** The engine running this test, for the few assertions an engine's harness cannot support. */
export const engine: 'chromium' | 'firefox' | 'webkit' = /Firefox\//.test(navigator.userAgent) ? 'firefox' : /Chrome\//.test(navigator.userAgent) ? 'chromium' : 'webkit';
