import { useRef } from 'react';
import { useIntake } from '../stores/stores-context';

const accept = 'audio/*,.wav,.mp3,.m4a,.ogg,.oga,.opus,.flac,.webm,.aac';

/** "Add files…": the desktop's own dialog, or the page's file picker (files are then uploaded). */
export function AddFilesButton() {
  const nativeDialog = useIntake((s) => s.nativeDialog);
  const chooseFiles = useIntake((s) => s.chooseFiles);
  const addFiles = useIntake((s) => s.addFiles);
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button-quiet"
        onClick={() => (nativeDialog ? void chooseFiles() : input.current?.click())}
      >
        Add files…
      </button>
      {!nativeDialog && (
        <input
          ref={input}
          type="file"
          multiple
          accept={accept}
          hidden
          data-testid="add-files-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void addFiles(files);
          }}
        />
      )}
    </>
  );
}
