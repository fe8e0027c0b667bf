import { describe, expect, it } from 'vitest';
import { wavHeader } from '../audio/wav-header';
import { mpegFrameLength, sniffAudio } from './audio-sniff';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const text = (s: string) => Buffer.from(s, 'utf8');

/** The start of a tag-less MP3 made by ffmpeg (MPEG-2 Layer III, 24 kbps, 16 kHz): frames of 108 bytes. */
function taglessMp3(): Buffer {
  const b = Buffer.alloc(300);
  hex('fff338c4').copy(b, 0);
  hex('fff338c4').copy(b, 108);
  hex('fff338c4').copy(b, 216);
  return b;
}

describe('the door check for audio', () => {
  it('lets a real WAV header in', () => {
    const wav = Buffer.concat([wavHeader(16000, 1, 3200), Buffer.alloc(3200)]);
    expect(sniffAudio(wav, 'memo.wav')).toEqual({ ok: true, format: 'wav' });
  });

  it('lets MP3s in, tagged (ID3) or starting with a frame', () => {
    expect(sniffAudio(hex('494433040000000000235453'), 'song.mp3')).toEqual({ ok: true, format: 'mp3' });
    expect(mpegFrameLength(taglessMp3(), 0)).toBe(108);
    expect(sniffAudio(taglessMp3(), 'call.mp3')).toEqual({ ok: true, format: 'mp3' });
  });

  it('lets FLAC, Ogg Vorbis and M4A headers in', () => {
    expect(sniffAudio(hex('664c6143000000220480048000060200'), 'a.flac')).toEqual({ ok: true, format: 'flac' });
    expect(sniffAudio(hex('4f67675300020000000000000000e60e'), 'a.ogg')).toEqual({ ok: true, format: 'ogg' });
    expect(sniffAudio(hex('0000001c667479704d344120000002004d344120'), 'a.m4a')).toEqual({ ok: true, format: 'm4a' });
  });

  it('refuses a .txt file as text, without quoting what it says', () => {
    const r = sniffAudio(text('buy milk, call the dentist about the secret 1234'), 'notes.txt');
    expect(r).toEqual({ ok: false, code: 'NOT_AUDIO', message: 'notes.txt is not audio: it holds text' });
  });

  it('refuses a README renamed .wav: the name does not make it audio', () => {
    const readme = text('# Lifeline\n\nLifeline is a desktop app for people who run a personal pipeline.\n');
    const r = sniffAudio(readme, 'README.wav');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toBe('README.wav is not audio: it holds text');
      expect(r.message).not.toContain('Lifeline is');
    }
  });

  it('says what a common non-audio file is', () => {
    const says = (head: Buffer, name: string) => {
      const r = sniffAudio(head, name);
      return r.ok ? 'accepted' : r.message;
    };
    expect(says(hex('255044462d312e37'), 'scan.wav')).toBe('scan.wav is not audio: it is a PDF document');
    expect(says(hex('89504e470d0a1a0a'), 'photo.mp3')).toBe('photo.mp3 is not audio: it is a PNG image');
    expect(says(hex('ffd8ffe000104a46'), 'photo.mp3')).toBe('photo.mp3 is not audio: it is a JPEG image');
    expect(says(hex('1a45dfa39f428681'), 'voice.webm')).toMatch(/WebM\/Matroska file, which Lifeline cannot decode/);
    expect(says(hex('0000001c6674797068656963'), 'img.m4a')).toBe(
      'img.m4a is not audio: it starts like MP4/M4A but what follows is not',
    );
    expect(says(hex('00010203fefdfcfb'), 'blob.wav')).toBe(
      'blob.wav is not audio: its content is not WAV, MP3, Ogg, FLAC or M4A/AAC audio',
    );
  });

  it('refuses an empty file', () => {
    expect(sniffAudio(Buffer.alloc(0), 'empty.wav')).toEqual({
      ok: false,
      code: 'NOT_AUDIO',
      message: 'empty.wav is not audio: the file is empty (0 bytes)',
    });
  });

  it('refuses bytes that only start like an MPEG frame', () => {
    const b = taglessMp3();
    b[108] = 0x00; // the second frame is not where the first one says
    expect(sniffAudio(b, 'noise.mp3').ok).toBe(false);
    expect(sniffAudio(hex('fffff0ff'), 'bad.mp3').ok).toBe(false); // bitrate index 15 is invalid
  });

  it('lets a WAV with a broken header in: it looks like audio, so it becomes a dead letter with its reason', () => {
    expect(
      sniffAudio(Buffer.concat([text('RIFF'), hex('10000000'), text('WAVE'), text('not really')]), 'broken.wav').ok,
    ).toBe(true);
  });
});
