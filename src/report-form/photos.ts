/**
 * Photos, made safe to send before anything leaves the device: decoded by the browser, drawn at most
 * 2,048 px on the longer side and re-encoded as JPEG. Drawing to a canvas keeps only pixels, so EXIF
 * (camera, time, GPS position) is gone. `createImageBitmap` applies the EXIF orientation first
 * (`imageOrientation: 'from-image'`), so the photo stays the right way up.
 */
import type { ReactiveControllerHost } from 'lit';
import { announce } from '../core/announce.js';
import type { FieldError, Key, Translate } from './journey.js';

export const MAX_SIDE = 2048;
/** Bigger files are refused before decoding (a phone photo is 2–12 MB). */
export const MAX_BYTES = 20 * 1024 * 1024;
/** HEIC/HEIF is accepted where the browser can decode it (Safari); elsewhere it is "unreadable". */
export const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif';
const TYPES = /^image\/(jpeg|png|webp|heic|heif)$/;

export type PhotoProblem = 'type' | 'size' | 'unreadable';

/** Why a photo was refused. */
export class PhotoError extends Error {
  constructor(readonly problem: PhotoProblem) {
    super(`photo: ${problem}`);
  }
}

export interface Photo {
  blob: Blob;
  width: number;
  height: number;
  /** The resident's file name, shown beside the preview. */
  name: string;
  /**
   * A small JPEG thumbnail as a `data:` URL: a strict CSP's `img-src 'self' data:` allows it, where
   * `blob:` URLs would need the council to change its policy.
   */
  preview: string;
}

const PREVIEW_SIDE = 240;

async function dataUrl(blob: Blob): Promise<string> {
  const reader = new FileReader();
  const done = new Promise<void>((resolve, reject) => {
    reader.onload = () => resolve();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
  });
  reader.readAsDataURL(blob);
  await done;
  return typeof reader.result === 'string' ? reader.result : '';
}

async function encode(bitmap: ImageBitmap, max: number, quality: number): Promise<{ blob: Blob; width: number; height: number }> {
  const { width, height } = fit(bitmap.width, bitmap.height, max);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  // JPEG has no transparency: a white background rather than black behind transparent PNGs.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  return { blob: await canvas.convertToBlob({ type: 'image/jpeg', quality }), width, height };
}

/** Why `file` cannot be used, or undefined when it can be tried. */
export function photoProblem(file: File): PhotoProblem | undefined {
  // Some Android pickers leave HEIC's type empty: fall back to the extension.
  const type = file.type || (/\.(heic|heif)$/i.test(file.name) ? 'image/heic' : '');
  if (!TYPES.test(type)) return 'type';
  if (file.size > MAX_BYTES) return 'size';
  return undefined;
}

/** The longer side scaled to at most `max`, keeping the aspect ratio. */
export function fit(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Decodes, downscales and re-encodes `file` as JPEG; throws PhotoError. */
export async function preparePhoto(file: File, quality = 0.85): Promise<Photo> {
  const problem = photoProblem(file);
  if (problem) throw new PhotoError(problem);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoError('unreadable');
  }
  try {
    const photo = await encode(bitmap, MAX_SIDE, quality);
    const preview = await dataUrl((await encode(bitmap, PREVIEW_SIDE, 0.7)).blob);
    return { ...photo, name: file.name, preview };
  } catch {
    throw new PhotoError('unreadable');
  } finally {
    bitmap.close();
  }
}

const PROBLEM_KEYS = { type: 'errorPhotoType', size: 'errorPhotoSize', unreadable: 'errorPhotoUnreadable' } as const;

/**
 * The photos of one report: added (each redrawn, with a GOV.UK error for a wrong type, a file too big
 * or one that cannot be read, and for more files than there is room for), removed, and brought back
 * from a refused report. The resident hears what happened; focus goes where GOV.UK puts it.
 */
export class PhotoList {
  list: Photo[] = [];
  preparing = false;
  readonly #host: ReactiveControllerHost & { focusOn(selector: string): void };
  readonly #text: { t: Translate; plural(key: Key, count: number): string };

  constructor(host: ReactiveControllerHost & { focusOn(selector: string): void }, text: { t: Translate; plural(key: Key, count: number): string }) {
    this.#host = host;
    this.#text = text;
  }

  #update(list: Photo[], preparing = false): void {
    this.list = list;
    this.preparing = preparing;
    this.#host.requestUpdate();
  }

  /** Adds the files chosen in `input` (at most `limit` photos in all); answers the errors to show. */
  async add(input: HTMLInputElement, limit: number): Promise<FieldError[]> {
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file can be chosen again after removing it
    const room = limit - this.list.length;
    const errors: FieldError[] = files.length > room ? [{ field: 'photos-button', text: this.#text.plural('errorPhotoCount', limit) }] : [];
    this.#update(this.list, true);
    const added: Photo[] = [];
    for (const file of files.slice(0, Math.max(0, room))) {
      try {
        added.push(await preparePhoto(file));
      } catch (problem) {
        if (!(problem instanceof PhotoError)) throw problem;
        errors.push({ field: 'photos-button', text: this.#text.t(PROBLEM_KEYS[problem.problem], { name: file.name }) });
      }
    }
    this.#update([...this.list, ...added]);
    if (!errors.length && added.length) announce(this.#text.plural('photoAdded', added.length));
    return errors;
  }

  /** Focus goes to the next photo's Remove button, or back to the file input. */
  remove(index: number): void {
    this.#update(this.list.filter((_, i) => i !== index));
    announce(this.#text.t('photoRemoved'));
    this.#host.focusOn(`#remove-photo-${Math.min(index, this.list.length - 1)}, #photos-button`);
  }

  /** A kept report's photos, redrawn again (one that no longer reads is left out). */
  async restore(blobs: Blob[]): Promise<void> {
    const photos = await Promise.all(
      blobs.map((blob, i) =>
        preparePhoto(new File([blob], `photo-${i + 1}.jpg`, { type: 'image/jpeg' })).catch((problem: unknown) => {
          if (problem instanceof PhotoError) return undefined;
          throw problem;
        }),
      ),
    );
    this.#update(photos.filter((p): p is Photo => !!p));
  }

  clear(): void {
    this.#update([]);
  }
}
