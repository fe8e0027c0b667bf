import { describe, expect, it } from 'vitest';
import { errorHint } from './error-hints';

describe('errorHint', () => {
  it('says what to do for the errors the engine raises today', () => {
    expect(errorHint('SOURCE_MISSING')).toMatch(/Put it back .* Retry/);
    expect(errorHint('IO_EACCES')).toMatch(/disk/);
  });

  it('says which service failed and what to do for transcription and language model errors', () => {
    expect(errorHint('ASR_TIMEOUT')).toMatch(/^The transcription engine did not answer in time/);
    expect(errorHint('LLM_UNAUTHORIZED')).toMatch(/^The language model refused the key/);
  });

  it('says that the rest of a recording is kept when one part could not be transcribed, and that Retry tries only that part', () => {
    expect(errorHint('PART_FAILED')).toMatch(
      /The rest of the recording is transcribed and kept\. Press Retry to try only the missing part/,
    );
  });

  it('says a whisper engine that cannot load is fixed by reinstalling or choosing pocketsphinx, and a bad model by downloading it again', () => {
    expect(errorHint('WHISPER_BINDING_FAILED')).toMatch(/Reinstall Lifeline, or choose pocketsphinx/);
    expect(errorHint('WHISPER_MODEL_INVALID')).toMatch(/Download it again in Settings → Speech models/);
  });

  it('gives general advice for codes it does not know', () => {
    expect(errorHint('ASR_SOMETHING_NEW')).toMatch(/Retry/);
    expect(errorHint('WHATEVER')).toMatch(/Retry/);
  });
});
