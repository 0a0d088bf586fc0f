// Hashes one file at a time, off the page's thread, with the hashing core compiled for the browser. The file is
// read in slices, so a large video is never whole in memory; only the hashes go back to the page.
import * as hashing from '../hashing/hashing.js';

const SLICE = 4 * 1024 * 1024;
const HEAD_LENGTH = 512;

self.onmessage = async (event) => {
  const { id, file } = event.data;
  try {
    const head = new Int8Array(await file.slice(0, HEAD_LENGTH).arrayBuffer());
    const contentType = hashing.contentTypeOf(head) || (file.type.startsWith('video/') ? 'VIDEO' : 'PHOTO');
    hashing.digestStart();
    for (let offset = 0; offset < file.size; offset += SLICE) {
      const slice = await file.slice(offset, offset + SLICE).arrayBuffer();
      hashing.digestUpdate(new Int8Array(slice));
      self.postMessage({ id, progress: Math.min(1, (offset + SLICE) / file.size) });
    }
    const [sha256, md5] = hashing.digestFinish().split(' ');
    const result = { id, done: true, contentType, sha256, md5 };
    if (contentType === 'PHOTO') {
      Object.assign(result, await pdqOf(file));
    }
    self.postMessage(result);
  } catch (error) {
    self.postMessage({ id, failed: true });
  }
};

// PDQ from the pixels the browser decodes: no EXIF rotation, no colour management, as the reference tool does.
async function pdqOf(file) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(await asStored(file), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  } catch (notAPictureThisBrowserReads) {
    return { unreadable: true };
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true, colorSpace: 'srgb' });
  context.drawImage(bitmap, 0, 0);
  const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  const [pdq, quality] = hashing.pdqFromRgba(new Int8Array(pixels.buffer), bitmap.width, bitmap.height).split(' ');
  bitmap.close();
  return { pdq, quality: Number(quality) };
}

// Browsers always turn a JPEG by its EXIF orientation when decoding it, and the reference tool never does (phones
// often store portrait photos sideways with orientation 6). So decode a copy, in memory only, whose orientation
// tag says "as stored"; the file itself is hashed unchanged.
async function asStored(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] !== 0xFF || bytes[1] !== 0xD8) return file;
  for (let p = 2; p + 4 <= bytes.length && bytes[p] === 0xFF;) {
    const marker = bytes[p + 1];
    const length = (bytes[p + 2] << 8) | bytes[p + 3];
    if (marker === 0xDA || marker === 0xD9) return file;
    const exif = marker === 0xE1 && length >= 16 && String.fromCharCode(...bytes.subarray(p + 4, p + 8)) === 'Exif';
    if (exif) return withOrientationAsStored(bytes, p + 10, p + 2 + length) ? new Blob([bytes]) : file;
    p += 2 + length;
  }
  return file;
}

/** Sets IFD0's orientation (tag 0x0112) to 1 in place; false when there is none to change. */
function withOrientationAsStored(bytes, tiff, end) {
  const little = bytes[tiff] === 0x49;
  const u16 = (o) => little ? bytes[o] | (bytes[o + 1] << 8) : (bytes[o] << 8) | bytes[o + 1];
  const u32 = (o) => little ? (u16(o) + u16(o + 2) * 65536) : (u16(o) * 65536 + u16(o + 2));
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return false;
  for (let i = 0, count = u16(ifd); i < count; i++) {
    const entry = ifd + 2 + 12 * i;
    if (entry + 12 > end) return false;
    if (u16(entry) !== 0x0112) continue;
    if (u16(entry + 8) === 1) return false;
    bytes[entry + 8] = little ? 1 : 0;
    bytes[entry + 9] = little ? 0 : 1;
    return true;
  }
  return false;
}
