/**
 * Photos: the first bytes must be a JPEG, PNG, WebP or HEIC/HEIF; the body streams to disk under the
 * size limit (never held whole in memory); sharp refuses images over the pixel limit (decompression
 * bombs), turns each upright, drops every metadata block (EXIF with its GPS, XMP, IPTC, ICC after
 * conversion to sRGB) and writes a JPEG at most 2,048 px under a random name.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import sharp from 'sharp';

sharp.cache(false); // each photo is seen once
sharp.concurrency(1);

export const NAME = /^[A-Za-z0-9_-]{24}\.jpg$/;
export const MAX_SIDE = 2048;

export class MediaError extends Error {
  constructor(
    readonly status: 413 | 415 | 507 | 400,
    message: string,
  ) {
    super(message);
  }
}

/** What the first bytes say the file is, or undefined. */
export function sniff(head: Buffer): 'jpeg' | 'png' | 'webp' | 'heif' | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (head.subarray(4, 8).toString('latin1') === 'ftyp' && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(head.subarray(8, 12).toString('latin1'))) return 'heif';
  return undefined;
}

const diskFull = (error: unknown) => ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException).code ?? '');

/** Streams an upload to a temporary file, checking its first bytes; the caller removes the file. */
async function receive(stream: Readable, path: string): Promise<void> {
  let head = Buffer.alloc(0);
  let checked = false;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!checked) {
        head = Buffer.concat([head, chunk]);
        if (head.length < 12) return done();
        checked = true;
        if (!sniff(head)) return done(new MediaError(415, 'Photos must be JPEG, PNG, WebP or HEIC'));
        return done(null, head);
      }
      done(null, chunk);
    },
    flush(done) {
      if (!checked) return done(new MediaError(415, 'Photos must be JPEG, PNG, WebP or HEIC'));
      done();
    },
  });
  await pipeline(stream, check, createWriteStream(path, { flags: 'wx' }));
}

/** Takes an uploaded photo and keeps it; answers the new file's name. */
export async function keepPhoto(stream: Readable & { truncated?: boolean }, dir: string, maxPixels: number): Promise<string> {
  await mkdir(dir, { recursive: true });
  const name = `${randomBytes(18).toString('base64url')}.jpg`;
  const upload = join(dir, `.upload-${name}`);
  try {
    try {
      await receive(stream, upload);
    } catch (error) {
      if (error instanceof MediaError) throw error;
      if (diskFull(error)) throw new MediaError(507, 'There is no room to keep the photo just now');
      throw error;
    }
    if (stream.truncated) throw new MediaError(413, 'The photo is too large');
    try {
      await sharp(upload, { limitInputPixels: maxPixels, failOn: 'error', sequentialRead: true })
        .rotate()
        .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
        .toColourspace('srgb')
        .jpeg({ quality: 82 })
        .toFile(join(dir, name));
    } catch (error) {
      await rm(join(dir, name), { force: true });
      if (diskFull(error) || /no space/i.test(String(error))) throw new MediaError(507, 'There is no room to keep the photo just now');
      if (/pixel limit/i.test(String(error))) throw new MediaError(413, 'The photo has too many pixels');
      throw new MediaError(415, 'The photo could not be read');
    }
    return name;
  } finally {
    await unlink(upload).catch(() => undefined);
  }
}

/** The size of a kept photo, or undefined when there is none by that name. */
export async function photoSize(dir: string, name: string): Promise<number | undefined> {
  if (!NAME.test(name)) return undefined;
  try {
    const info = await stat(join(dir, name));
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}
