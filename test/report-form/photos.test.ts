import { worker, http, HttpResponse } from '../setup.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/report-form/define.js';
import { outboxEntries } from '../../src/report-form/outbox.js';
import { fit, PhotoError, photoProblem, preparePhoto } from '../../src/report-form/photos.js';
import type { CivicReportForm } from '../../src/report-form/report-form.js';
import { MEDIA, OPEN311, open311HandlersAt, received, uploads } from '../mocks/open311.js';
import { until } from '../helpers.js';
import { $, $$, focused, heading, mount, next, summary, textOf, toDetails, type, useJourneySetup } from './helpers.js';

/** A JPEG drawn by the browser, with an EXIF block holding a GPS position spliced in after SOI. */
async function cameraJpeg(width: number, height: number, name = 'IMG_0001.jpg'): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, '#1d70b8');
  gradient.addColorStop(1, '#ffdd00');
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 })).arrayBuffer());
  // TIFF, little-endian: IFD0 with one entry (GPSInfo → offset 26), then a GPS IFD with GPSLatitudeRef "N".
  const tiff = [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 2, 0, 2, 0, 0, 0, 0x4e, 0, 0, 0, 0, 0, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]; // "Exif\0\0"
  const app1 = [0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 255, ...payload];
  const bytes = new Uint8Array(jpeg.length + app1.length);
  bytes.set(jpeg.subarray(0, 2));
  bytes.set(app1, 2);
  bytes.set(jpeg.subarray(2), 2 + app1.length);
  return new File([bytes], name, { type: 'image/jpeg' });
}

const hasExif = (bytes: Uint8Array) => {
  for (let i = 0; i < bytes.length - 4; i++) if (bytes[i] === 0x45 && bytes[i + 1] === 0x78 && bytes[i + 2] === 0x69 && bytes[i + 3] === 0x66) return true;
  return false;
};
/** JPEG segment markers before the image data (APP1 = 0xe1 holds EXIF). */
function markers(bytes: Uint8Array): number[] {
  const found: number[] = [];
  for (let i = 2; i < bytes.length - 4 && bytes[i] === 0xff; ) {
    const marker = bytes[i + 1]!;
    found.push(marker);
    if (marker === 0xda) break; // start of scan
    i += 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
  }
  return found;
}

describe('photos', () => {
  describe('made safe on the device', () => {
    it('downscales a 4000×3000 camera photo to 2048×1536 JPEG with no EXIF (and so no GPS)', async () => {
      const file = await cameraJpeg(4000, 3000);
      const input = new Uint8Array(await file.arrayBuffer());
      expect(hasExif(input), 'the test photo has EXIF').to.equal(true);
      expect(markers(input)).to.include(0xe1);
      const photo = await preparePhoto(file);
      expect([photo.width, photo.height]).to.deep.equal([2048, 1536]);
      expect(photo.blob.type).to.equal('image/jpeg');
      const output = new Uint8Array(await photo.blob.arrayBuffer());
      expect(hasExif(output)).to.equal(false);
      expect(markers(output)).to.not.include(0xe1);
      const decoded = await createImageBitmap(photo.blob);
      expect([decoded.width, decoded.height]).to.deep.equal([2048, 1536]);
      expect(photo.preview).to.match(/^data:image\/jpeg;base64,/);
    });

    it('keeps the aspect ratio and never enlarges', () => {
      expect(fit(3000, 4000)).to.deep.equal({ width: 1536, height: 2048 });
      expect(fit(800, 600)).to.deep.equal({ width: 800, height: 600 });
      expect(fit(10000, 10)).to.deep.equal({ width: 2048, height: 2 });
    });

    it('refuses the wrong type and files over 20 MB before decoding, and says when a file cannot be read', async () => {
      expect(photoProblem(new File(['x'], 'notes.txt', { type: 'text/plain' }))).to.equal('type');
      expect(photoProblem(new File([new Uint8Array(20 * 1024 * 1024 + 1)], 'huge.jpg', { type: 'image/jpeg' }))).to.equal('size');
      expect(photoProblem(new File(['x'], 'IMG_0002.HEIC', { type: '' })), 'HEIC by its extension is tried').to.equal(undefined);
      const error = await preparePhoto(new File(['not a png'], 'broken.png', { type: 'image/png' })).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(PhotoError);
      expect((error as PhotoError).problem).to.equal('unreadable');
    });
  });

  describe('in the form', () => {
    useJourneySetup();

    /** A graffiti report, on the details step with its description written. */
    async function toPhotos(el: CivicReportForm): Promise<void> {
      await toDetails(el, 'service-1', 'Underpass');
      await type(el, 'description', 'Tags');
    }

    async function addFiles(el: CivicReportForm, ...files: File[]): Promise<void> {
      const input = $<HTMLInputElement>(el, '#photos')!;
      input.focus(); // the resident moves to the picker (leaving the description, whose count is then not announced)
      const transfer = new DataTransfer();
      files.forEach((file) => transfer.items.add(file));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete; // "Preparing photo…" is shown while they are redrawn
      await until(() => !/Preparing|Paratoi/.test(textOf($(el, '.file-picker ~ [role="status"], [part="field"] [role="status"]'))), 'photos to be prepared');
      await el.updateComplete;
    }

    const polite = () => textOf(document.querySelector('[data-civic-live="polite"]'));

    it('is not offered without media-endpoint, or with max-photos="0"', async () => {
      const el = await mount(`endpoint="${OPEN311}"`);
      await toPhotos(el);
      expect($(el, '#photos')).to.equal(null);
      el.remove();
      sessionStorage.clear(); // the draft is per endpoint: a fresh journey
      const none = await mount(`endpoint="${OPEN311}" media-endpoint="${MEDIA}" max-photos="0"`);
      await toPhotos(none);
      expect($(none, '#photos')).to.equal(null);
    });

    it('previews each photo with a Remove button, uploads it as multipart `media`, and sends its URL as media_url', async () => {
      const el = await mount(`endpoint="${OPEN311}" media-endpoint="${MEDIA}" contact="none"`);
      await toPhotos(el);
      const input = $<HTMLInputElement>(el, '#photos')!;
      expect(input.accept).to.contain('image/heic');
      expect(input.multiple).to.equal(true);
      expect(textOf($(el, 'label[for="photos"]'))).to.equal('Add photos (optional)');
      await addFiles(el, await cameraJpeg(4000, 3000));
      expect($(el, '[part="field"] img')!.getAttribute('alt')).to.equal('Photo 1: IMG_0001.jpg');
      expect(textOf($(el, '#remove-photo-0'))).to.equal('Remove photo 1, IMG_0001.jpg');
      expect(polite()).to.equal('1 photo added');
      await next(el);
      const photosRow = $$(el, '.summary-row').find((row) => textOf(row.querySelector('dt')) === 'Photos');
      expect(textOf(photosRow!.querySelector('dd'))).to.equal('IMG_0001.jpg');
      sinon.clock.tick(5000);
      await next(el);
      await until(() => heading(el) === 'Report sent', 'the confirmation');
      expect(uploads).to.have.length(1);
      expect(uploads[0]!.type).to.equal('image/jpeg');
      const uploaded = new Uint8Array(await uploads[0]!.arrayBuffer());
      expect(hasExif(uploaded), 'no EXIF left the device').to.equal(false);
      const bitmap = await createImageBitmap(uploads[0]!);
      expect(Math.max(bitmap.width, bitmap.height)).to.equal(2048);
      expect(received[0]!.getAll('media_url')).to.deep.equal([`${MEDIA}/1.jpg`]);
    });

    it('moves focus after Remove and announces it', async () => {
      const el = await mount(`endpoint="${OPEN311}" media-endpoint="${MEDIA}"`);
      await toPhotos(el);
      await addFiles(el, await cameraJpeg(400, 300, 'a.jpg'), await cameraJpeg(400, 300, 'b.jpg'));
      expect(polite()).to.equal('2 photos added');
      $<HTMLButtonElement>(el, '#remove-photo-0')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(polite()).to.equal('Photo removed');
      expect(focused(el), 'the next photo’s Remove button').to.equal($(el, '#remove-photo-0'));
      expect(textOf($(el, '#remove-photo-0'))).to.contain('b.jpg');
      $<HTMLButtonElement>(el, '#remove-photo-0')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(focused(el), 'the Choose photos button when none are left').to.equal($(el, '#photos-button'));
    });

    it('gives GOV.UK errors for the wrong type, too big, unreadable and too many, keeping the good ones', async () => {
      const el = await mount(`endpoint="${OPEN311}" media-endpoint="${MEDIA}" max-photos="2"`);
      await toPhotos(el);
      await addFiles(el, new File(['x'], 'notes.txt', { type: 'text/plain' }), new File([new Uint8Array(21 * 1024 * 1024)], 'huge.jpg', { type: 'image/jpeg' }));
      expect(summary(el)).to.deep.equal(['notes.txt must be a JPEG, PNG, WebP or HEIC', 'huge.jpg must be smaller than 20 MB']);
      expect(focused(el)).to.equal($(el, '[part="error-summary"]'));
      expect(textOf($(el, '#photos-button-error'))).to.contain('Error:');
      await addFiles(el, new File(['garbage'], 'broken.png', { type: 'image/png' }), await cameraJpeg(300, 200, 'ok.jpg'), await cameraJpeg(300, 200, 'third.jpg'));
      expect(summary(el)).to.deep.equal(['You can add up to 2 photos', 'broken.png could not be read. Try another photo, or a screenshot of it']);
      expect($$(el, '[part="field"] img').map((img) => img.getAttribute('alt'))).to.deep.equal(['Photo 1: ok.jpg']);
    });

    it('keeps photos in the outbox when offline and uploads them once back online', async () => {
      let offline = true;
      worker.use(http.post(MEDIA, () => (offline ? HttpResponse.error() : undefined)));
      const el = await mount(`endpoint="${OPEN311}" media-endpoint="${MEDIA}" contact="none"`);
      await toPhotos(el);
      await addFiles(el, await cameraJpeg(800, 600));
      await next(el);
      sinon.clock.tick(5000);
      await next(el);
      await until(() => heading(el) === 'Saved on this device', 'the queued panel');
      const [entry] = await outboxEntries();
      expect(entry!.photos).to.have.length(1);
      expect(entry!.photos[0]!.type).to.equal('image/jpeg');
      offline = false;
      window.dispatchEvent(new Event('online'));
      await until(() => heading(el) === 'Report sent', 'the confirmation');
      expect(uploads).to.have.length(1);
      expect(received).to.have.length(1);
      expect(received[0]!.get('media_url')).to.equal(`${MEDIA}/1.jpg`);
    });

    describe('with relative endpoints, as the README, the demo and the builder write them', () => {
      // The page's own server: /open311/v2 and /open311/media, the store answering a path.
      beforeEach(() => worker.use(...open311HandlersAt(`${location.origin}/open311/v2`, `${location.origin}/open311/media`, (n) => `/open311/media/${n}.jpg`)));
      const attrs = 'endpoint="/open311/v2" media-endpoint="/open311/media" contact="none"';

      it('uploads the photo and sends the report, the photo’s path made absolute', async () => {
        const el = await mount(attrs);
        await toPhotos(el);
        await addFiles(el, await cameraJpeg(800, 600));
        await next(el);
        sinon.clock.tick(5000);
        await next(el);
        await until(() => heading(el) === 'Report sent', 'the confirmation');
        expect(uploads).to.have.length(1);
        expect(received[0]!.getAll('media_url')).to.deep.equal([`${location.origin}/open311/media/1.jpg`]);
      });

      it('queues it offline with absolute addresses, and sends it once back online', async () => {
        let offline = true;
        worker.use(http.post('/open311/media', () => (offline ? HttpResponse.error() : undefined)));
        const el = await mount(attrs);
        await toPhotos(el);
        await addFiles(el, await cameraJpeg(800, 600));
        await next(el);
        sinon.clock.tick(5000);
        await next(el);
        await until(() => heading(el) === 'Saved on this device', 'the queued panel');
        const [entry] = await outboxEntries();
        // Stored absolute: another page (another base) may be the one that sends it.
        expect([entry!.endpoint, entry!.mediaEndpoint]).to.deep.equal([`${location.origin}/open311/v2`, `${location.origin}/open311/media`]);
        offline = false;
        window.dispatchEvent(new Event('online'));
        await until(() => heading(el) === 'Report sent', 'the confirmation');
        expect(uploads).to.have.length(1);
        expect(received).to.have.length(1);
        expect(received[0]!.get('media_url')).to.equal(`${location.origin}/open311/media/1.jpg`);
        expect(await outboxEntries()).to.deep.equal([]);
      });
    });
  });
});
