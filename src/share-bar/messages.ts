/**
 * The share bar's strings, English and Welsh (at parity: Welsh Language Standards). Keyed by
 * meaning; plural messages use CLDR forms (Welsh has all six). In the widget's own folder, so a
 * page that loads one widget downloads only its strings.
 */
import type { Messages } from '../core/i18n/message.js';

export const en = {
  label: 'Share this page',
  newTab: '(opens in new tab)',
  shareOn: 'Share on {network}',
  email: 'Share by email',
  sms: 'Share by text message',
  native: 'Share…',
  copy: 'Copy link',
  copied: 'Link copied',
  copyFailed: 'Press Ctrl+C to copy',
  linkField: 'Link to this page',
  print: 'Print this page',
};

export type ShareBarMessages = Messages<typeof en>;

export const cy: ShareBarMessages = {
  label: "Rhannu'r dudalen hon",
  newTab: '(yn agor mewn tab newydd)',
  shareOn: 'Rhannu ar {network}',
  email: 'Rhannu drwy e-bost',
  sms: 'Rhannu drwy neges destun',
  native: 'Rhannu…',
  copy: 'Copïo dolen',
  copied: "Dolen wedi'i chopïo",
  copyFailed: 'Pwyswch Ctrl+C i gopïo',
  linkField: "Dolen i'r dudalen hon",
  print: "Argraffu'r dudalen hon",
};
